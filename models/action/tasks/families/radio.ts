// Choose one option of a radio group named in the instruction.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { COLORS, esc, SIZES } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Choose {option} for {group}',
    'Select the {option} option under {group}',
    'Set {group} to {option}',
    'Pick {option}',
    'Click the {option} option',
    '{option}',
    'Could you set the {lowergroup} to {option}?',
    'I\'d like the {option} {lowergroup}',
    'Please select {option} in the {group} group',
    'I want the {lowergroup} to be {option}',
    'Switch {group} over to {option}',
    'Tick the {option} radio button',
    'Choose the {option} radio under {group}',
    'Change {group} from its current choice to {option}',
    'Under {group}, click {option}',
    'I need {group} set to {option}',
    'Select {option} and leave the other groups alone',
  ],
  test: ['{group}: go with {option}', 'Mark "{option}" as the {lowergroup}', 'I prefer {option} for the {lowergroup}'],
};
const STYLES = { train: ['native', 'circles'], test: ['segmented', 'cards'] };
const GROUPS: [string, readonly string[]][] = [['Shipping', ['Standard', 'Express', 'Overnight', 'Pickup']], ['Size', SIZES], ['Plan', ['Free', 'Basic', 'Pro', 'Enterprise']], ['Color', COLORS], ['Payment', ['Card', 'Bank transfer', 'Invoice', 'Voucher']]];

const CSS = `.rg{margin:.6em 0}
.ro{display:flex;align-items:center;gap:.5em;margin:.3em 0;cursor:pointer;user-select:none}
.ro .dot{width:1.1em;height:1.1em;border-radius:50%;border:2px solid var(--border);display:inline-block}
.ro[data-on="1"] .dot{border:5px solid var(--accent)}
.seg{display:inline-flex;border:1px solid var(--accent);border-radius:var(--radius);overflow:hidden}
.seg .ro{margin:0;padding:.35em .9em}
.seg .ro[data-on="1"]{background:var(--accent);color:var(--accentFg)}
.cards{display:flex;gap:.6em;flex-wrap:wrap}
.cards .ro{border:2px solid var(--border);border-radius:var(--radius);padding:.6em 1em}
.cards .ro[data-on="1"]{border-color:var(--accent)}`;

export const radio: Family = {
  name: 'radio',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const groups = rng.sample(GROUPS, rng.int(1, 2)).map(([name, opts]) => ({ name, options: rng.sample(opts, Math.min(opts.length, rng.int(3, 5))) }));
    const gi = rng.int(0, groups.length - 1);
    const group = groups[gi]!;
    const option = rng.pick(group.options.slice(1));
    const opt = (g: number, o: string, i: number) => style === 'native'
      ? `<label class="ro"><input type="radio" name="g${g}" data-g="${g}" data-o="${esc(o)}"${i === 0 ? ' checked' : ''}>${esc(o)}</label>`
      : `<div class="ro" data-g="${g}" data-o="${esc(o)}" data-on="${i === 0 ? 1 : 0}">${style === 'circles' ? '<span class="dot"></span>' : ''}<span>${esc(o)}</span></div>`;
    const wrapCls = style === 'segmented' ? 'seg' : style === 'cards' ? 'cards' : '';
    return {
      ...phrase(ctx, PHRASINGS, { option, group: group.name, lowergroup: group.name.toLowerCase() }),
      widget: `radio:${style}`,
      body: groups.map((g, k) => `<div class="rg"><div style="font-weight:bold;margin-bottom:.3em">${esc(g.name)}</div><div class="${wrapCls}">${g.options.map((o, i) => opt(k, o, i)).join('')}</div></div>`).join(''),
      css: CSS,
      data: { gi, option, initial: groups.map((g) => g.options[0]), native: style === 'native' },
      script: `const opts = OT.$$('[data-o]');
if (!T.native) opts.forEach((o) => o.addEventListener('click', () => opts.forEach((x) => { if (x.dataset.g === o.dataset.g) x.dataset.on = x === o ? '1' : '0'; })));
const chosen = (g) => { const on = opts.find((o) => o.dataset.g === String(g) && (T.native ? o.checked : o.dataset.on === '1')); return on && on.dataset.o; };
OT.define({
  check: () => T.initial.every((first, g) => chosen(g) === (g === T.gi ? T.option : first)),
  expert: () => {
    const g = T.initial.findIndex((first, k) => chosen(k) !== (k === T.gi ? T.option : first));
    const want = g === T.gi ? T.option : T.initial[g];
    return OT.click(opts.find((o) => o.dataset.g === String(g) && o.dataset.o === want), want);
  },
});`,
    };
  },
};
