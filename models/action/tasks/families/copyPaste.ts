// Copy text shown in one field into another through the clipboard.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Copy the {from} into the {to} field',
    'Copy the {from} and paste it into {to}',
    'Paste the {from} into {to}',
    'Could you copy the {from} over to {to}?',
    'I need the {from} in the {to} field',
    'Please fill {to} with the {from} shown on this page',
    'Transfer the {from} to {to} via the clipboard',
    'Select the {from}, copy it, and paste it in {to}',
    'The {to} field should contain the {from}',
    'Take the {from} and paste it into the {to} field',
    '{to} needs the {from}; copy it over',
    'Use the clipboard to move the {from} into {to}',
    'Copy {from} → {to}',
    'Get the {from} into {to} without retyping it',
    'Paste what the {from} says into {to}',
  ],
  test: ['Put the same {from} in {to} using copy and paste', 'Duplicate the {from} into the {to} box'],
};
const STYLES = { train: ['readonly-input', 'textarea'], test: ['code-box'] };
const PAIRS: [string, string][] = [['invite code', 'Redeem code'], ['order number', 'Reference'], ['API key', 'Key'], ['tracking ID', 'Search'], ['coupon', 'Promo code'], ['account ID', 'Recipient']];

export const copyPaste: Family = {
  name: 'copy_paste',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const [from, to] = rng.pick(PAIRS);
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const code = Array.from({ length: rng.int(8, 14) }, (_, i) => (i % 5 === 4 ? '-' : alphabet[rng.int(0, alphabet.length - 1)])).join('');
    const source = style === 'textarea'
      ? `<textarea id="src" readonly rows="2" style="resize:none">${esc(code)}</textarea>`
      : style === 'code-box'
        ? `<input id="src" readonly value="${esc(code)}" style="font-family:monospace;background:var(--bg);border-style:dashed">`
        : `<input id="src" readonly value="${esc(code)}">`;
    return {
      ...phrase(ctx, PHRASINGS, { from, to }),
      widget: `copy:${style}`,
      body: `<h3>${rng.pick(['Transfer', 'Redeem', 'Lookup'])}</h3><label class="field"><span>Your ${esc(from)}</span>${source}</label>
<label class="field"><span>${esc(to)}</span><input id="dst"></label>`,
      data: { code, to },
      script: `const src = OT.$('#src');
const dst = OT.$('#dst');
let copied = false;
document.addEventListener('copy', () => { copied = String(getSelection() || src.value.slice(src.selectionStart, src.selectionEnd)) === T.code; });
OT.define({
  check: () => dst.value === T.code,
  expert: () => {
    if (!copied) {
      if (document.activeElement !== src) return OT.click(src, 'the ' + T.code + ' box');
      const all = src.selectionStart === 0 && src.selectionEnd === src.value.length;
      return { type: 'hotkey', keys: all ? ['ctrl', 'c'] : ['ctrl', 'a'] };
    }
    if (document.activeElement !== dst) return OT.click(dst, T.to + ' field');
    if (dst.value && !(dst.selectionStart === 0 && dst.selectionEnd === dst.value.length)) return { type: 'hotkey', keys: ['ctrl', 'a'] };
    return { type: 'hotkey', keys: ['ctrl', 'v'] };
  },
});`,
    };
  },
};
