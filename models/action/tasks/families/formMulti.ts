// Fill several fields (and maybe tick a box), then submit: the form checks the last submission.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc, FIELDS, valueFor } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Fill in the form with {pairs}, then {submit}',
    'Enter {pairs} and {submit}',
    'Complete the form: {pairs}. Then {submit}',
    'Please fill out {pairs}, and {submit} at the end',
    'Could you enter {pairs}? Afterwards {submit}',
    'I need this form filled: {pairs}. When done, {submit}',
    'Type {pairs}; then {submit}',
    'Form: {pairs}. After that, {submit}',
    '{pairs}. Then {submit}',
    'Put in {pairs} and finally {submit}',
    'Set {pairs}, then {submit}',
    'Fill the fields: {pairs}; {submit} once everything is in',
    'Provide {pairs} in the form, then {submit}',
    'Go through the form ({pairs}) and {submit}',
  ],
  test: ['Register with {pairs} and {submit}', 'Use these details: {pairs}; finish by choosing to {submit}'],
};
const STYLES = { train: ['stacked', 'two-column'], test: ['inline-rows', 'card-sections'] };
const SUBMITS = ['Submit', 'Sign up', 'Save', 'Send', 'Register', 'Continue'];
const CHECKS = ['I agree to the terms', 'Subscribe to updates', 'Remember me'];

export const formMulti: Family = {
  name: 'form_multi',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const fields = rng.sample(FIELDS, rng.int(2, 4));
    const values = fields.map((f) => valueFor(rng, f));
    const check = rng.chance(0.5) ? rng.pick(CHECKS) : null;
    const submit = rng.pick(SUBMITS);
    const input = (f: string, i: number) => style === 'inline-rows'
      ? `<label class="row" style="margin:.4em 0"><span style="width:9em">${esc(f)}</span><input data-i="${i}"></label>`
      : `<label class="field"><span>${esc(f)}</span><input data-i="${i}"></label>`;
    const inputs = fields.map(input);
    const grid = style === 'two-column' ? `<div style="display:grid;grid-template-columns:1fr 1fr;gap:0 1.2em">${inputs.join('')}</div>`
      : style === 'card-sections' ? inputs.map((h) => `<div class="panel" style="margin:.4em 0;padding:.3em .8em">${h}</div>`).join('') : inputs.join('');
    const pairs = fields.map((f, i) => `${f.toLowerCase()} "${values[i]}"`);
    const todo = check ? [...pairs, `tick "${check}"`] : pairs;
    return {
      ...phrase(ctx, PHRASINGS, { pairs: todo.join(', '), submit: `click ${submit}` }),
      widget: `form:${style}`,
      body: `<h3>${rng.pick(['Create account', 'Contact form', 'New customer'])}</h3><form id="f" onsubmit="return false">${grid}${check ? `<label class="row" style="margin:.6em 0"><input type="checkbox" id="agree">${esc(check)}</label>` : ''}<button class="btn" id="go" type="submit">${esc(submit)}</button></form><p id="msg" class="muted"></p>`,
      data: { values, fields, check: Boolean(check), submit },
      script: `const inputs = OT.$$('input[data-i]');
const agree = OT.$('#agree');
let last = null;
OT.$('#f').addEventListener('submit', () => {
  last = { values: inputs.map((el) => el.value.trim()), agree: agree ? agree.checked : false };
  OT.$('#msg').textContent = 'Submitted.';
});
const ready = () => inputs.every((el, i) => el.value.trim() === T.values[i]) && (!T.check || agree.checked);
OT.define({
  check: () => last !== null && last.values.every((v, i) => v === T.values[i]) && last.agree === T.check,
  expert: () => {
    const i = inputs.findIndex((el, k) => el.value.trim() !== T.values[k]);
    if (i >= 0) return OT.typeInto(inputs[i], T.values[i], T.fields[i] + ' field');
    if (T.check && !agree.checked) return OT.click(agree, OT.textOf(agree.parentElement) + ' checkbox');
    return ready() ? OT.click(OT.$('#go'), T.submit) : null;
  },
});`,
    };
  },
};
