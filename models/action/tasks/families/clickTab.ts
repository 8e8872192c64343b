// Switch to the tab named in the instruction.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Open the {label} tab',
    'Switch to the {label} tab',
    'Click the tab labelled {label}',
    'Click on {label}',
    'I want to see the {label} tab',
    '{label} tab',
    'Could you switch over to {label}?',
    'Please select the "{label}" tab',
    'I need the {label} settings',
    'Change tabs to {label}',
    'Hit the {label} tab',
    'Bring up {label}',
    'Click "{label}" in the tab bar',
    'Activate the tab called {label}',
    'Let me look at {label}',
    'The {label} tab should be the active one',
    'Flip to {label}',
  ],
  test: ['Show the {label} section', 'Go to the "{label}" tab', 'View {label}'],
};
const STYLES = { train: ['underline', 'boxed'], test: ['pills', 'vertical'] };
const TABS = ['General', 'Security', 'Billing', 'Members', 'Integrations', 'Advanced', 'Appearance', 'Shortcuts', 'Devices', 'History', 'Exports', 'Webhooks'];

const CSS = `.tabs{display:flex;gap:.2em;border-bottom:1px solid var(--border);margin-bottom:1em}
.tabs.vertical{flex-direction:column;border-bottom:none;border-right:1px solid var(--border);width:max-content;float:left;margin-right:1.5em}
.tab{padding:.5em 1em;cursor:pointer;color:var(--muted);user-select:none}
.tabs.underline .tab[data-on="1"]{color:var(--fg);border-bottom:3px solid var(--accent)}
.tabs.boxed .tab{border:1px solid transparent;border-bottom:none;border-radius:var(--radius) var(--radius) 0 0}
.tabs.boxed .tab[data-on="1"]{border-color:var(--border);background:var(--panel);color:var(--fg)}
.tabs.pills{border-bottom:none}
.tabs.pills .tab{border-radius:999px}
.tabs.pills .tab[data-on="1"]{background:var(--accent);color:var(--accentFg)}
.tabs.vertical .tab[data-on="1"]{color:var(--fg);border-left:3px solid var(--accent);font-weight:bold}`;

export const clickTab: Family = {
  name: 'click_tab',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const labels = rng.sample(TABS, rng.int(3, 6));
    const target = rng.pick(labels.slice(1));
    return {
      ...phrase(ctx, PHRASINGS, { label: target }),
      widget: `tabs:${style}`,
      body: `<div class="tabs ${style}">${labels.map((l, i) => `<div class="tab" data-label="${esc(l)}" data-on="${i === 0 ? 1 : 0}">${esc(l)}</div>`).join('')}</div>
<div id="pane"><h3>${esc(labels[0]!)}</h3><p class="muted">Settings for this section.</p></div>`,
      css: CSS,
      data: { target },
      script: `const tabs = OT.$$('.tab');
tabs.forEach((t) => t.addEventListener('click', () => {
  tabs.forEach((x) => { x.dataset.on = x === t ? '1' : '0'; });
  OT.$('#pane h3').textContent = t.dataset.label;
}));
OT.define({
  check: () => OT.$('.tab[data-on="1"]').dataset.label === T.target,
  expert: () => OT.click(OT.$('.tab[data-label="' + T.target + '"]'), T.target),
});`,
    };
  },
};
