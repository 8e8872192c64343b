// Drag an item onto the target named in the instruction (pointer-driven, as in most web apps).
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Drag {item} to {zone}',
    'Move the {item} card into {zone}',
    'Drag and drop {item} onto {zone}',
    'Could you drag "{item}" over to {zone}?',
    'I need {item} moved to {zone}',
    '{item} belongs in {zone}; drag it there',
    'Please move {item} to {zone}',
    'Drag the card {item} and release it over {zone}',
    'Slide {item} across to {zone}',
    'Grab {item} and drag it into {zone}',
    '{item} should go to {zone}',
    'Move "{item}" to the {zone} target with the mouse',
    'Drag {item} into the {zone} box',
    'Carry {item} over into {zone}',
  ],
  test: ['Put {item} in {zone} by dragging it', 'Drop "{item}" on the {zone} area'],
};
const STYLES = { train: ['kanban-columns', 'folder-targets'], test: ['drop-circles', 'bottom-tray'] };
const ITEMS = ['Fix login bug', 'Write tests', 'Update docs', 'Design logo', 'Plan sprint', 'Call supplier', 'Review budget', 'Ship release'];
const ZONES = [['To do', 'In progress', 'Done'], ['Inbox', 'Archive', 'Trash'], ['Work', 'Personal', 'Later'], ['Team A', 'Team B', 'Team C']];

const CSS = `.zones{display:flex;gap:1em;margin-top:1em}
.zone{flex:1;min-height:8em;border:2px dashed var(--border);border-radius:var(--radius);padding:.5em}
.zone .zt{font-weight:bold;margin-bottom:.4em}
.zones.drop-circles .zone{border-radius:50%;min-height:9em;max-width:9em;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center}
.zones.bottom-tray{position:fixed;left:0;right:0;bottom:0;padding:.6em;background:var(--panel);border-top:1px solid var(--border);margin:0}
.zones.bottom-tray .zone{min-height:4em}
.zones.folder-targets .zone{border-style:solid;border-radius:2px 12px 2px 2px}
.card{padding:.45em .7em;margin:.3em 0;background:var(--panel);border:1px solid var(--border);border-radius:var(--radius);cursor:grab;user-select:none;touch-action:none;width:max-content}
.card.dragging{position:fixed;z-index:20;pointer-events:none;box-shadow:0 8px 20px rgba(0,0,0,.3)}
.zone.hover{border-color:var(--accent)}`;

export const dragDrop: Family = {
  name: 'drag_drop',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const zones = rng.pick(ZONES);
    const items = rng.sample(ITEMS, rng.int(2, 4));
    const item = rng.pick(items);
    const zone = rng.pick(zones.slice(1));
    return {
      ...phrase(ctx, PHRASINGS, { item, zone }),
      widget: `drag:${style}`,
      body: `<div class="zone" data-zone="${esc(zones[0]!)}" style="max-width:16em;border-style:solid"><div class="zt">${esc(zones[0]!)}</div>${items.map((i) => `<div class="card" data-item="${esc(i)}">${esc(i)}</div>`).join('')}</div>
<div class="zones ${style}">${zones.slice(1).map((z) => `<div class="zone" data-zone="${esc(z)}"><div class="zt">${esc(z)}</div></div>`).join('')}</div>`,
      css: CSS,
      data: { item, zone, home: zones[0] },
      script: `let drag = null;
const zoneAt = (x, y) => document.elementsFromPoint(x, y).map((e) => e.closest('.zone')).find(Boolean);
OT.$$('.card').forEach((c) => c.addEventListener('pointerdown', (e) => {
  const r = c.getBoundingClientRect();
  drag = { c, dx: e.clientX - r.left, dy: e.clientY - r.top };
  c.classList.add('dragging');
  c.style.left = r.left + 'px'; c.style.top = r.top + 'px';
}));
document.addEventListener('pointermove', (e) => {
  if (!drag) return;
  drag.c.style.left = e.clientX - drag.dx + 'px'; drag.c.style.top = e.clientY - drag.dy + 'px';
  OT.$$('.zone').forEach((z) => z.classList.toggle('hover', z === zoneAt(e.clientX, e.clientY)));
});
document.addEventListener('pointerup', (e) => {
  if (!drag) return;
  const z = zoneAt(e.clientX, e.clientY);
  drag.c.classList.remove('dragging'); drag.c.style.left = ''; drag.c.style.top = '';
  if (z) z.appendChild(drag.c);
  OT.$$('.zone').forEach((x) => x.classList.remove('hover'));
  drag = null;
});
const zoneOf = (c) => c.closest('.zone').dataset.zone;
OT.define({
  check: () => OT.$$('.card').every((c) => zoneOf(c) === (c.dataset.item === T.item ? T.zone : T.home)),
  expert: () => {
    const wrong = OT.$$('.card').find((c) => zoneOf(c) !== (c.dataset.item === T.item ? T.zone : T.home));
    const dest = OT.$('.zone[data-zone="' + (wrong.dataset.item === T.item ? T.zone : T.home) + '"]');
    const hidden = OT.reveal(dest);
    if (hidden) return hidden;
    // Onto the zone's name, which lies inside it: "drop on the words that name the target" holds
    // for any layout, where the zone's centre can be far from anything perception reads.
    const words = document.createRange();
    words.selectNodeContents(dest.querySelector('.zt'));
    const r = words.getBoundingClientRect();
    return OT.dragTo(wrong, { x: r.left + r.width / 2, y: r.top + r.height / 2 });
  },
});`,
    };
  },
};
