// Click a button that shows only an icon: no text on screen names it.
import { clickOnlyScript, type Family, phrase, widgetStyle } from '../family.ts';
import { ICON_PURPOSE, ICONS, svgIcon } from '../icons.ts';

const PHRASINGS = {
  train: [
    'Click the {icon} icon',
    'Press the {icon} button',
    '{Purpose} (the {icon} icon)',
    'Click on the {icon} icon button',
    '{Purpose}: click the {icon}',
    '{Purpose}',
    'Could you {purpose}? The {icon} icon does it',
    'I\'d like to {purpose}, please',
    'Please click the {icon} icon in the toolbar',
    'Select the {icon} icon',
    'Press the icon named {icon}',
    '{icon} icon',
    'Click the little {icon} picture',
    'Go for the {icon} button',
    'Click the {icon} pictogram',
    'I need to {purpose}: press {icon}',
    'Click {icon} and nothing else',
  ],
  test: ['Tap the {icon} symbol', 'Hit the button with the {icon} icon', 'Use the {icon} icon to {purpose}'],
};
const STYLES = { train: ['outline-square', 'filled-circle'], test: ['bare-toolbar', 'tinted-rounded'] };

export const iconClick: Family = {
  name: 'icon_click',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng, look } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const names = rng.sample(Object.keys(ICONS), rng.int(4, 8));
    const icon = rng.pick(names);
    const size = rng.int(18, 28);
    const btn = (n: string) => {
      const looks: Record<string, [string, string]> = {
        'outline-square': ['border:1px solid var(--border);border-radius:4px;background:var(--panel)', look.theme.fg],
        'filled-circle': ['border:none;border-radius:50%;background:var(--accent)', look.theme.accentFg],
        'bare-toolbar': ['border:none;background:none', look.theme.muted],
        'tinted-rounded': ['border:none;border-radius:10px;background:color-mix(in srgb,var(--accent) 22%,var(--panel))', look.theme.accent],
      };
      const [css, stroke] = looks[style]!;
      return `<button data-icon="${n}" style="${css};padding:.4em;margin:.2em;cursor:pointer;line-height:0">${svgIcon(n, size, stroke)}</button>`;
    };
    const purpose = ICON_PURPOSE[icon]!;
    return {
      ...phrase(ctx, PHRASINGS, { icon, purpose, Purpose: purpose.charAt(0).toUpperCase() + purpose.slice(1) }),
      widget: `icon:${style}`,
      body: `<div class="row" style="border-bottom:1px solid var(--border);padding-bottom:.4em">${names.map(btn).join('')}</div><p class="muted">${rng.pick(['Draft saved.', 'No items selected.', '3 new messages.'])}</p>`,
      data: { target: icon },
      script: clickOnlyScript('button[data-icon]', 'icon', "T.target + ' icon'"),
    };
  },
};
