// Open a menu and choose the item named in the instruction (two steps: the menu, then the item).
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Choose {item} from the {menu} menu',
    'In the {menu} menu, click {item}',
    'Open {menu} and select {item}',
    'Click {menu}, then {item}',
    'Could you pick {item} in the {menu} menu?',
    'I need {item}, which is in the {menu} menu',
    'Please open the {menu} menu and click "{item}"',
    'Select "{item}" (it is in {menu})',
    'Go to the {menu} menu and choose {item}',
    'Hit {item} in {menu}',
    'From {menu}, choose {item}',
    'Open the {menu} menu, then click {item} in it',
    '{menu} menu: {item}',
    'Expand {menu} and press {item}',
    'Open {menu}; {item} is the entry to click',
  ],
  test: ['Use {menu} › {item}', 'Run "{item}" from the {menu} menu', 'Find {item} under {menu} and click it'],
};
const STYLES = { train: ['menubar', 'dropdown-button'], test: ['kebab', 'sidebar-flyout'] };
const MENUS: Record<string, string[]> = {
  File: ['New file', 'Open recent', 'Save copy', 'Export PDF', 'Page setup', 'Close file'],
  Edit: ['Undo typing', 'Cut selection', 'Find and replace', 'Select all', 'Preferences'],
  View: ['Zoom in', 'Zoom out', 'Full screen', 'Show ruler', 'Word count'],
  Insert: ['Image', 'Table', 'Footnote', 'Page break', 'Equation'],
  Actions: ['Move to folder', 'Mark as read', 'Add label', 'Snooze', 'Print view'],
};

const CSS = `.mbar{display:flex;gap:.2em;position:relative}
.mtop{padding:.35em .8em;cursor:pointer;user-select:none;border-radius:var(--radius)}
.mtop[data-open="1"]{background:color-mix(in srgb,var(--accent) 25%,var(--panel))}
.mlist{position:absolute;margin-top:.2em;min-width:12em;background:var(--panel);border:1px solid var(--border);box-shadow:0 6px 18px rgba(0,0,0,.25);z-index:5;display:none;padding:.25em 0}
.mwrap{position:relative}
.mwrap[data-open="1"] .mlist{display:block}
.mitem{padding:.4em 1em;cursor:pointer;white-space:nowrap}
.mitem:hover{background:var(--accent);color:var(--accentFg)}
.flyout .mlist{left:100%;top:0;margin-left:.3em}
.flyout.leftward .mlist{left:auto;right:100%;margin:0 .3em 0 0}`;

export const clickMenuItem: Family = {
  name: 'click_menu_item',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const names = rng.sample(Object.keys(MENUS), style === 'menubar' ? rng.int(2, 4) : rng.int(1, 3));
    const menu = rng.pick(names);
    const item = rng.pick(MENUS[menu]!);
    const opener = (n: string) => (style === 'kebab' ? `<span class="mtop" aria-label="${esc(n)} menu" title="${esc(n)}">${esc(n)} ⋮</span>` : style === 'dropdown-button' ? `<button class="btn mtop">${esc(n)} ▾</button>` : `<span class="mtop">${esc(n)}</span>`);
    const wrap = (n: string) => `<div class="mwrap${style === 'sidebar-flyout' ? ' flyout' : ''}" data-menu="${esc(n)}">${opener(n)}<div class="mlist">${MENUS[n]!.map((it) => `<div class="mitem" data-item="${esc(it)}">${esc(it)}</div>`).join('')}</div></div>`;
    const bar = style === 'sidebar-flyout' ? `<div style="display:flex;flex-direction:column;gap:.3em;width:max-content">${names.map(wrap).join('')}</div>` : `<div class="mbar">${names.map(wrap).join('')}</div>`;
    return {
      ...phrase(ctx, PHRASINGS, { menu, item }),
      widget: `menu:${style}`,
      body: `${bar}<p class="muted" style="margin-top:8em">${rng.pick(['Untitled document', 'Quarterly plan', 'Inbox (3)'])}</p>`,
      css: CSS,
      data: { menu, item },
      script: `const chosen = [];
const wraps = OT.$$('.mwrap');
wraps.forEach((w) => w.querySelector('.mtop').addEventListener('click', () => {
  const open = w.dataset.open === '1';
  wraps.forEach((x) => { x.dataset.open = '0'; });
  w.dataset.open = open ? '0' : '1';
  // A flyout near the right edge opens leftwards, as desktop menus do, so it stays on screen.
  w.classList.toggle('leftward', w.getBoundingClientRect().right + w.querySelector('.mlist').offsetWidth > innerWidth);
}));
OT.$$('.mitem').forEach((m) => m.addEventListener('click', () => {
  chosen.push(m.closest('.mwrap').dataset.menu + '/' + m.dataset.item);
  wraps.forEach((x) => { x.dataset.open = '0'; });
}));
OT.define({
  check: () => chosen.length > 0 && chosen.every((c) => c === T.menu + '/' + T.item),
  expert: () => {
    const w = OT.$('.mwrap[data-menu="' + T.menu + '"]');
    if (w.dataset.open !== '1') return OT.click(w.querySelector('.mtop'), T.menu + ' menu');
    return OT.click(w.querySelector('.mitem[data-item="' + T.item + '"]'), T.item);
  },
});`,
    };
  },
};
