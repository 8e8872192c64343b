import { describe, expect, it } from 'vitest';
import { planHotkey, planText } from '../../../electron/executor/keyPlan.ts';

const compact = (steps: ReturnType<typeof planText>) => steps.map((s) => (s.kind === 'text' ? `text:${s.text}` : `${s.kind === 'key_down' ? '+' : '-'}${s.key}`)).join(' ');

describe('key plans', () => {
  it.each([
    ['a', '+a -a'],
    ['A', '+shift +a -a -shift'],
    ['!', '+shift +1 -1 -shift'],
    ['"', "+shift +' -' -shift"],
    ["'", "+' -'"],
    ['a\nb', '+a -a +enter -enter +b -b'],
    ['\r\n', '+enter -enter'],
    ['\t ', '+tab -tab +space -space'],
    ['~|?', '+shift +` -` -shift +shift +\\ -\\ -shift +shift +/ -/ -shift'],
    ['é日本x', 'text:é日本 +x -x'],
  ])('types %j on X11 as %s', (text, plan) => {
    expect(compact(planText(text, true))).toBe(plan);
  });

  it('sends text through the Unicode path elsewhere, in stoppable chunks, with new lines as Enter', () => {
    expect(compact(planText('Hello, World!\nok', false, 8))).toBe('text:Hello, W text:orld! +enter -enter text:ok');
  });

  it('every key pressed is released, for every printable ASCII character', () => {
    let all = '';
    for (let c = 32; c < 127; c++) all += String.fromCharCode(c);
    const down = new Set<string>();
    for (const s of planText(all, true)) {
      if (s.kind === 'key_down') down.add(s.key);
      if (s.kind === 'key_up') down.delete(s.key);
      expect(s.kind).not.toBe('text');
    }
    expect([...down]).toEqual([]);
  });

  it.each([
    [['ctrl', 's'], '+ctrl +s -s -ctrl'],
    [['s', 'ctrl'], '+ctrl +s -s -ctrl'],
    [['ctrl', 'shift', 't'], '+ctrl +shift +t -t -shift -ctrl'],
    [['super'], '+super -super'],
  ])('hotkey %j holds modifiers around the keys: %s', (keys, plan) => {
    expect(compact(planHotkey(keys))).toBe(plan);
  });
});
