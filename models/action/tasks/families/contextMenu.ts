// Right-click an item and choose an action from the context menu the page draws at the pointer.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { svgPaths, THING_ICONS } from '../icons.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Right-click {item} and choose {action}',
    'Open the context menu of {item} and click {action}',
    '{Action} {item} using its right-click menu',
    'Bring up the right-click menu for {item}, then click {action}',
    'In the right-click menu of {item}, click {action}',
    'Please run {action} on {item} via a right-click',
    'I\'d like to apply "{action}" to {item}; right-click it first',
    '{item} → right-click → {action}',
    'Secondary-click {item} and go for {action}',
    'Show the context menu for {item} and hit {action}',
    'Apply {action} to "{item}" through the right-click menu',
    'Context menu of {item}: {action}',
    'Choose "{action}" after right-clicking {item}',
    'Can you do {action} on {item}? It is in its right-click menu',
  ],
  test: ['Use the context menu on {item} to pick {action}', 'Right click on "{item}", then select {action}'],
};
const STYLES = { train: ['file-rows', 'icon-tiles'], test: ['tag-chips', 'table-cells'] };
const ITEMS = ['Photos', 'Invoices', 'Drafts', 'Music', 'Backups', 'Recipes', 'Taxes 2024', 'Screenshots', 'Travel', 'Projects'];
const ACTIONS = ['Open', 'Rename', 'Duplicate', 'Move to trash', 'Get info', 'Compress', 'Share', 'Add to favourites'];

const CSS = `.ctx{position:fixed;z-index:30;display:none;min-width:11em;background:var(--panel);border:1px solid var(--border);box-shadow:0 8px 20px rgba(0,0,0,.3);padding:.25em 0}
.ctx[data-open="1"]{display:block}
.ctx .ca{padding:.35em 1em;cursor:pointer}
.ctx .ca:hover{background:var(--accent);color:var(--accentFg)}
.ci{cursor:default;user-select:none}`;

export const contextMenu: Family = {
  name: 'context_menu',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const items = rng.sample(ITEMS, rng.int(3, 6));
    const item = rng.pick(items);
    const actions = rng.sample(ACTIONS, rng.int(4, 6));
    const action = rng.pick(actions);
    const folder = (size: number) => svgPaths(THING_ICONS.folder!, size, 'currentColor');
    const el = (i: string) => {
      switch (style) {
        case 'file-rows': return `<div class="ci" data-item="${esc(i)}" style="padding:.4em .5em;border-bottom:1px solid var(--border)">${folder(18)} ${esc(i)}</div>`;
        case 'icon-tiles': return `<div class="ci panel" data-item="${esc(i)}" style="width:7em;text-align:center;display:inline-block;margin:.3em"><div>${folder(36)}</div>${esc(i)}</div>`;
        case 'tag-chips': return `<span class="ci" data-item="${esc(i)}" style="display:inline-block;margin:.3em;padding:.3em .8em;border-radius:999px;border:1px solid var(--accent)">#${esc(i)}</span>`;
        default: return `<tr><td class="ci" data-item="${esc(i)}" style="padding:.4em;border:1px solid var(--border)">${esc(i)}</td><td class="muted" style="border:1px solid var(--border);padding:.4em">${rng.int(2, 90)} items</td></tr>`;
      }
    };
    const list = style === 'table-cells' ? `<table style="border-collapse:collapse">${items.map(el).join('')}</table>` : items.map(el).join('');
    return {
      ...phrase(ctx, PHRASINGS, { item, action, Action: action }),
      widget: `context:${style}`,
      body: `<h3>${rng.pick(['My folders', 'Shared drive', 'Tags'])}</h3>${list}<div class="ctx">${actions.map((a) => `<div class="ca" data-action="${esc(a)}">${esc(a)}</div>`).join('')}</div><p class="muted" id="done"></p>`,
      css: CSS,
      data: { item, action },
      script: `const menu = OT.$('.ctx');
const chosen = [];
let on = null;
OT.$$('.ci').forEach((el) => el.addEventListener('contextmenu', (e) => {
  e.preventDefault();
  on = el.dataset.item;
  menu.style.left = Math.min(e.clientX, innerWidth - 190) + 'px';
  menu.style.top = Math.min(e.clientY, innerHeight - menu.childElementCount * 36) + 'px';
  menu.dataset.open = '1';
}));
document.addEventListener('click', (e) => { if (!menu.contains(e.target)) menu.dataset.open = '0'; });
OT.$$('.ca').forEach((a) => a.addEventListener('click', () => { chosen.push(on + '/' + a.dataset.action); menu.dataset.open = '0'; OT.$('#done').textContent = a.dataset.action + ': ' + on; }));
OT.define({
  check: () => chosen.length > 0 && chosen.every((c) => c === T.item + '/' + T.action),
  expert: () => (menu.dataset.open === '1' && on === T.item
    ? OT.click(OT.$('.ca[data-action="' + T.action + '"]'), T.action)
    : OT.rightClick(OT.$('.ci[data-item="' + T.item + '"]'), T.item)),
});`,
    };
  },
};
