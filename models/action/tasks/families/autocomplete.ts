// Type the start of a name into a search box and pick the right suggestion from its list.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Search for {value} and pick it from the suggestions',
    'Set {field} to {value} using the suggestions',
    'Type {value} in {field} and choose it from the list',
    '{field}: {value}',
    'Could you set the {lower} to {value}? Pick it from the suggestions',
    'I need {value} for {field}',
    'Start typing {value} in {field}, then click the suggestion',
    'Please enter {value} in the {lower} field and select it from the dropdown',
    'Fill {field} with {value} from the autocomplete list',
    'The {lower} is {value}; use the suggestion list',
    'Type the first letters of {value} and click it when it appears',
    'Pick {value} from the {lower} suggestions',
    'Select the suggestion {value} for {field}',
    'Get {value} into {field} by clicking its suggestion',
    'Choose {value} in the {lower} autocomplete',
  ],
  test: ['Look up {value} in the {lower} box and select the match', 'Find and choose {value} as {lower}'],
};
const STYLES = { train: ['dropdown-list', 'boxed-list'], test: ['chip-suggestions', 'grid-suggestions'] };
const SOURCES: [string, string[]][] = [
  ['Destination', ['San Diego', 'San Jose', 'San Francisco', 'Santa Fe', 'Santiago', 'Salzburg', 'Salvador', 'Sapporo', 'Sarajevo', 'Porto', 'Portland', 'Port Louis', 'Potsdam', 'Madrid', 'Madras', 'Manila', 'Marseille']],
  ['Airport', ['Berlin Tegel', 'Berlin Brandenburg', 'Bergen', 'Bern', 'Belfast', 'Lisbon', 'Lima', 'Lille', 'Lyon', 'Linz', 'Cairo', 'Calgary', 'Cali', 'Canberra']],
  ['Assignee', ['Maria Lopez', 'Mario Rossi', 'Marie Curie', 'Marian Holt', 'Mark Chen', 'Daniel Kim', 'Dana Scott', 'Danielle Roy', 'Dante Alves', 'Sam Ortiz', 'Samira Khan', 'Samuel Berg']],
  ['Ingredient', ['Cinnamon', 'Cilantro', 'Cider vinegar', 'Chili flakes', 'Chives', 'Paprika', 'Parsley', 'Parmesan', 'Pasta', 'Basil', 'Bay leaf', 'Barley']],
];

const CSS = `.ac{position:relative;width:18em}
.ac input{width:100%}
.ac .sug{position:absolute;left:0;right:0;top:100%;z-index:5;background:var(--panel);display:none}
.ac .sug[data-open="1"]{display:block}
.ac.dropdown-list .sug{box-shadow:0 6px 16px rgba(0,0,0,.25)}
.ac.boxed-list .sug{border:2px solid var(--accent)}
.ac.chip-suggestions .sug[data-open="1"]{display:flex;flex-wrap:wrap;gap:.3em;padding:.3em}
.ac.grid-suggestions .sug[data-open="1"]{display:grid;grid-template-columns:1fr 1fr;border:1px solid var(--border)}
.ac .s{padding:.35em .6em;cursor:pointer}
.ac.chip-suggestions .s{border:1px solid var(--border);border-radius:999px}
.ac .s:hover{background:var(--accent);color:var(--accentFg)}`;

export const autocomplete: Family = {
  name: 'autocomplete',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const [field, names] = rng.pick(SOURCES);
    const value = rng.pick(names);
    return {
      ...phrase(ctx, PHRASINGS, { value, field, lower: field.toLowerCase() }),
      widget: `autocomplete:${style}`,
      body: `<h3>${rng.pick(['Booking', 'New task', 'Recipe'])}</h3><label class="field"><span>${esc(field)}</span></label><div class="ac ${style}"><input id="q" autocomplete="off" placeholder="Start typing…"><div class="sug"></div></div><p class="muted" style="margin-top:10em">Chosen: <span id="chosen">none</span></p>`,
      css: CSS,
      data: { names, value, field, prefix: value.slice(0, rng.int(2, 4)) },
      script: `const q = OT.$('#q');
const sug = OT.$('.sug');
let committed = '';
const commit = (v) => { committed = v; q.value = v; OT.$('#chosen').textContent = v; sug.dataset.open = '0'; };
q.addEventListener('input', () => {
  const t = q.value.trim().toLowerCase();
  const hits = t.length >= 2 ? T.names.filter((n) => n.toLowerCase().startsWith(t)).slice(0, 6) : [];
  sug.innerHTML = hits.map((h) => '<div class="s"></div>').join('');
  sug.querySelectorAll('.s').forEach((el, i) => { el.textContent = hits[i]; el.dataset.v = hits[i]; el.addEventListener('mousedown', (e) => { e.preventDefault(); commit(hits[i]); }); });
  sug.dataset.open = hits.length ? '1' : '0';
  committed = '';
});
q.addEventListener('keydown', (e) => { if (e.key === 'Enter') { const exact = T.names.find((n) => n.toLowerCase() === q.value.trim().toLowerCase()); if (exact) commit(exact); } });
OT.define({
  check: () => committed === T.value,
  expert: () => {
    const hit = sug.dataset.open === '1' && Array.from(sug.querySelectorAll('.s')).find((s) => s.dataset.v === T.value);
    if (hit) return OT.click(hit, T.value);
    const typed = OT.typeInto(q, T.prefix, T.field + ' field');
    return typed || OT.typeInto(q, T.value, T.field + ' field') || { type: 'hotkey', keys: ['enter'] };
  },
});`,
    };
  },
};
