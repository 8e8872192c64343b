// Type a value into the field named by its label or its placeholder.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc, FIELDS, valueFor } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Type {value} into the {field} field',
    'Enter "{value}" as the {lower}',
    'Fill in {field} with {value}',
    'Set the {lower} to {value}',
    'My {lower} is {value}',
    'Type "{value}" in {field}',
    '{field}: {value}',
    'Could you type {value} in the {lower} field?',
    'I\'d like the {lower} field to say {value}',
    'Please enter {value} for {field}',
    'Use {value} as my {lower}',
    'Fill the {field} box with "{value}"',
    'Key in {value} for the {lower}',
    '{value} goes in the {field} field',
    'Enter {value} in {field} and leave the other fields alone',
    'The {field} field needs {value}',
    'Click the {field} field and type {value}',
    'Input {value} as the {lower}',
  ],
  test: ['Put {value} in {field}', 'Write "{value}" in the {lower} box', 'The {lower} should be {value}', 'Change {field} to {value}'],
};

const STYLES = { train: ['label-above', 'placeholder-only'], test: ['label-left', 'underline'] };

export const typeField: Family = {
  name: 'type_field',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const fields = rng.sample(FIELDS, rng.int(2, 5));
    const target = rng.int(0, fields.length - 1);
    const value = valueFor(rng, fields[target]!);
    const initial = fields.map((f, i) => (i === target ? (rng.chance(0.3) ? valueFor(rng, f) : '') : rng.chance(0.3) ? valueFor(rng, f) : ''));
    const input = (f: string, i: number) => {
      const ph = style === 'placeholder-only' || style === 'underline' ? ` placeholder="${esc(f)}"` : '';
      const look = style === 'underline' ? ' style="border:none;border-bottom:2px solid var(--border);border-radius:0;background:transparent"' : '';
      return `<input data-i="${i}" value="${esc(initial[i]!)}"${ph}${look}>`;
    };
    const row = (f: string, i: number) => {
      switch (style) {
        case 'label-above': return `<label class="field"><span>${esc(f)}</span>${input(f, i)}</label>`;
        case 'label-left': return `<label class="row" style="margin:.5em 0"><span style="width:9em;text-align:right">${esc(f)}:</span>${input(f, i)}</label>`;
        default: return `<div class="field">${input(f, i)}</div>`;
      }
    };
    return {
      ...phrase(ctx, PHRASINGS, { value, field: fields[target]!, lower: fields[target]!.toLowerCase() }),
      widget: `input:${style}`,
      body: `<h3>${esc(rng.pick(['Profile', 'Contact details', 'Account', 'Shipping']))}</h3><form onsubmit="return false">${fields.map(row).join('')}</form>`,
      data: { target, value, initial, fields },
      script: `const inputs = OT.$$('input[data-i]');
OT.define({
  check: () => inputs.every((el, i) => el.value.trim() === (i === T.target ? T.value : T.initial[i])),
  expert: () => {
    const want = (i) => (i === T.target ? T.value : T.initial[i]);
    const i = inputs.findIndex((el, k) => el.value.trim() !== want(k));
    return OT.typeInto(inputs[i], want(i), T.fields[i] + ' field');
  },
});`,
    };
  },
};
