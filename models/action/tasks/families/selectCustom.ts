// Choose a value in a custom dropdown drawn by the page (a button that opens a list of options).
import { type Family, phrase, widgetStyle } from '../family.ts';
import { COLORS, esc, FRUITS } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Choose {option} from the {name} dropdown',
    'Select {option} in the {lower} list',
    'Set {name} to {option}',
    '{name}: {option}',
    'I\'d like {option} as the {lower}',
    'Open the {name} dropdown and click {option}',
    'Please set it so the {lower} is {option}',
    'I want the {lower} set to {option}',
    'Select "{option}" from the {lower} options',
    'Change {name} so it shows {option}',
    'In the {name} dropdown, go for {option}',
    '{option} is the {lower} I want',
    'Expand {name} and select {option}',
    'Choose the {lower} {option} and leave the other dropdowns as they are',
  ],
  test: ['Pick "{option}" for {lower}', 'Switch the {lower} to {option}', 'I need {option} in the {name} menu'],
};
const STYLES = { train: ['chevron-box', 'underlined'], test: ['pill-chip', 'titled-panel'] };
const MENUS: [string, readonly string[]][] = [['Fruit', FRUITS], ['Color', COLORS], ['Timezone', ['UTC', 'Berlin', 'Tokyo', 'New York', 'Sydney', 'Nairobi', 'Lima']], ['Status', ['Open', 'In progress', 'Blocked', 'Done', 'Won\'t fix']], ['Team', ['Design', 'Platform', 'Growth', 'Mobile', 'Data', 'Infra']]];

const CSS = `.dd{position:relative;display:inline-block;margin:.3em 0 .8em}
.dd .cur{cursor:pointer;user-select:none;min-width:11em;padding:.4em .7em;display:flex;justify-content:space-between;gap:1em}
.dd.chevron-box .cur{border:1px solid var(--border);border-radius:var(--radius);background:var(--input)}
.dd.underlined .cur{border-bottom:2px solid var(--accent)}
.dd.pill-chip .cur{border-radius:999px;background:var(--accent);color:var(--accentFg)}
.dd.titled-panel .cur{border:2px dashed var(--border)}
.dd .opts{display:none;position:absolute;left:0;top:100%;z-index:5;min-width:100%;background:var(--panel);border:1px solid var(--border);box-shadow:0 6px 16px rgba(0,0,0,.25)}
.dd[data-open="1"] .opts{display:block}
.dd .opt{padding:.35em .7em;cursor:pointer;white-space:nowrap}
.dd .opt:hover{background:var(--accent);color:var(--accentFg)}
.dd .opts .ttl{padding:.3em .7em;color:var(--muted);font-size:.85em;border-bottom:1px solid var(--border)}`;

export const selectCustom: Family = {
  name: 'select_custom',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const menus = rng.sample(MENUS, rng.int(1, 2)).map(([name, opts]) => ({ name, options: rng.sample(opts, Math.min(opts.length, rng.int(4, 6))) }));
    const target = rng.int(0, menus.length - 1);
    const option = rng.pick(menus[target]!.options.slice(1));
    const dd = (m: { name: string; options: string[] }, i: number) => `<div class="field"><span>${esc(m.name)}</span><div class="dd ${style}" data-i="${i}"><div class="cur"><span class="val">${esc(m.options[0]!)}</span><span>▾</span></div>
<div class="opts">${style === 'titled-panel' ? `<div class="ttl">${esc(m.name)}</div>` : ''}${m.options.map((o) => `<div class="opt" data-o="${esc(o)}">${esc(o)}</div>`).join('')}</div></div></div>`;
    return {
      ...phrase(ctx, PHRASINGS, { option, name: menus[target]!.name, lower: menus[target]!.name.toLowerCase() }),
      widget: `listbox:${style}`,
      body: `<h3>${rng.pick(['Ticket', 'Filters', 'Profile'])}</h3>${menus.map(dd).join('')}<div style="height:9em"></div>`,
      css: CSS,
      data: { target, option, initial: menus.map((m) => m.options[0]) },
      script: `const dds = OT.$$('.dd');
dds.forEach((d) => {
  d.querySelector('.cur').addEventListener('click', () => { const open = d.dataset.open === '1'; dds.forEach((x) => { x.dataset.open = '0'; }); d.dataset.open = open ? '0' : '1'; });
  d.querySelectorAll('.opt').forEach((o) => o.addEventListener('click', () => { d.querySelector('.val').textContent = o.dataset.o; d.dataset.open = '0'; }));
});
const val = (d) => d.querySelector('.val').textContent;
OT.define({
  check: () => dds.every((d, i) => val(d) === (i === T.target ? T.option : T.initial[i])),
  expert: () => {
    const i = dds.findIndex((d, k) => val(d) !== (k === T.target ? T.option : T.initial[k]));
    const d = dds[i];
    const want = i === T.target ? T.option : T.initial[i];
    if (d.dataset.open !== '1') return OT.click(d.querySelector('.cur'), val(d) + ' dropdown');
    return OT.click(d.querySelector('.opt[data-o="' + want + '"]'), want);
  },
});`,
    };
  },
};
