// Tick and untick the boxes named in the instruction, leaving the others as they are.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc, OPTIONS } from '../vocab.ts';

const PHRASINGS = {
  train: [
    '{todo}',
    'Make sure that you {todo}',
    'Settings: {todo}',
    'Could you {todo}?',
    'I need you to {todo}',
    'On this page, {todo}',
    'Time to {todo}',
    'Let\'s {todo}',
    'Help me {todo}',
    'Would you {todo} for me?',
    'Can you {todo} now?',
    'What I need: {todo}',
    'I\'d like you to {todo}',
  ],
  test: ['Please {todo}, nothing else', 'Adjust the options: {todo}'],
};
const ON = { train: ['check {x}', 'tick {x}', 'enable {x}', 'activate {x}', 'put a tick in {x}', 'mark {x}'], test: ['turn on {x}', 'select {x}'] };
const OFF = { train: ['uncheck {x}', 'untick {x}', 'disable {x}', 'deactivate {x}', 'remove the tick from {x}', 'unmark {x}'], test: ['turn off {x}', 'clear {x}'] };
const STYLES = { train: ['native', 'square'], test: ['switch', 'chip'] };

const CSS = `.cb{display:flex;align-items:center;gap:.6em;margin:.45em 0;cursor:pointer;user-select:none}
.cb input{width:1.1em;height:1.1em}
.cb .box{width:1.1em;height:1.1em;border:2px solid var(--border);border-radius:3px;display:inline-block}
.cb[data-on="1"] .box{background:var(--accent);border-color:var(--accent);box-shadow:inset 0 0 0 2px var(--panel)}
.cb .sw{width:2.4em;height:1.3em;border-radius:1em;background:var(--border);position:relative;display:inline-block}
.cb .sw::after{content:"";position:absolute;top:.15em;left:.15em;width:1em;height:1em;border-radius:50%;background:var(--panel);transition:none}
.cb[data-on="1"] .sw{background:var(--accent)}
.cb[data-on="1"] .sw::after{left:1.25em}
.chip{display:inline-block;padding:.3em .9em;border:1px solid var(--border);border-radius:1em;margin:.3em;cursor:pointer;user-select:none}
.chip[data-on="1"]{background:var(--accent);color:var(--accentFg);border-color:var(--accent)}`;

export const checkboxes: Family = {
  name: 'checkbox',
  confirmable: true,
  phrasings: [PHRASINGS, ON, OFF],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const names = rng.sample(OPTIONS, rng.int(3, 7));
    const initial = names.map(() => rng.chance(0.4));
    const changes = rng.sample(names.map((_, i) => i), rng.int(1, Math.min(3, names.length)));
    const goal = initial.map((on, i) => (changes.includes(i) ? !on : on));
    const todo = changes.map((i) => {
      const t = rng.pick((goal[i] ? ON : OFF)[ctx.split]);
      return t.replace('{x}', `"${names[i]}"`);
    });
    const item = (n: string, i: number) => {
      const on = initial[i] ? '1' : '0';
      switch (style) {
        case 'native': return `<label class="cb" data-i="${i}"><input type="checkbox"${initial[i] ? ' checked' : ''}><span>${esc(n)}</span></label>`;
        case 'square': return `<div class="cb" data-i="${i}" data-on="${on}"><span class="box"></span><span>${esc(n)}</span></div>`;
        case 'switch': return `<div class="cb" data-i="${i}" data-on="${on}"><span>${esc(n)}</span><span class="sw"></span></div>`;
        default: return `<span class="chip" data-i="${i}" data-on="${on}">${esc(n)}</span>`;
      }
    };
    return {
      ...phrase(ctx, PHRASINGS, { todo: todo.length > 1 ? `${todo.slice(0, -1).join(', ')} and ${todo.at(-1)}` : todo[0]! }),
      widget: `checkbox:${style}`,
      body: `<h3>${rng.pick(['Preferences', 'Options', 'Features'])}</h3><div>${names.map(item).join('')}</div>`,
      css: CSS,
      data: { goal, names, native: style === 'native' },
      script: `const items = OT.$$('[data-i]');
if (!T.native) items.forEach((el) => el.addEventListener('click', () => { el.dataset.on = el.dataset.on === '1' ? '0' : '1'; }));
const isOn = (el) => (T.native ? el.querySelector('input').checked : el.dataset.on === '1');
const handle = (el) => (T.native ? el.querySelector('input') : el.querySelector('.box, .sw') || el);
OT.define({
  check: () => items.every((el, i) => isOn(el) === T.goal[i]),
  expert: () => {
    const i = items.findIndex((el, j) => isOn(el) !== T.goal[j]);
    return OT.click(handle(items[i]), T.names[i]);
  },
});`,
    };
  },
};
