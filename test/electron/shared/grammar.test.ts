import { describe, expect, it } from 'vitest';
import { Action } from '../../../electron/shared/actions.ts';
import { GrammarError, parseReply, printAction, printReply } from '../../../electron/shared/grammar.ts';
import { randomAction, rng } from '../executor/fuzzCorpus.ts';

const one = (text: string, opts?: Parameters<typeof parseReply>[1]) => {
  const r = parseReply(text, opts);
  expect(r.actions).toHaveLength(1);
  return r.actions[0];
};
const screen = { width: 1920, height: 1080 };

describe('UI-TARS grammar: what models write', () => {
  it.each([
    ["click(start_box='(100,200)')", { type: 'click', at: { x: 100, y: 200 } }],
    ["click(start_box='<|box_start|>(100,200)<|box_end|>')", { type: 'click', at: { x: 100, y: 200 } }],
    ["click(start_box='[10, 20, 30, 60]')", { type: 'click', at: { x: 20, y: 40 } }],
    ["click(start_box='(10,20,30,60)')", { type: 'click', at: { x: 20, y: 40 } }],
    ["click(point='<point>100 200</point>')", { type: 'click', at: { x: 100, y: 200 } }],
    ["click(start_box='<bbox>10 20 30 60</bbox>')", { type: 'click', at: { x: 20, y: 40 } }],
    ["left_single(start_box='(1,2)')", { type: 'click', at: { x: 1, y: 2 } }],
    ["left_double(start_box='(1,2)')", { type: 'double_click', at: { x: 1, y: 2 } }],
    ["right_single(start_box='(1,2)')", { type: 'right_click', at: { x: 1, y: 2 } }],
    ["middle_single(start_box='(1,2)')", { type: 'middle_click', at: { x: 1, y: 2 } }],
    ["mouse_move(start_box='(1,2)')", { type: 'move', at: { x: 1, y: 2 } }],
    ["drag(start_box='(1,2)', end_box='(30,40)')", { type: 'drag', from: { x: 1, y: 2 }, to: { x: 30, y: 40 } }],
    ["hotkey(key='ctrl shift t')", { type: 'hotkey', keys: ['ctrl', 'shift', 't'] }],
    ["hotkey(key='Control+Return')", { type: 'hotkey', keys: ['ctrl', 'enter'] }],
    ["type(content='it\\'s \"quoted\"\\n')", { type: 'type', text: 'it\'s "quoted"\n' }],
    ['type(content="a \'b\' \\\\ c")', { type: 'type', text: "a 'b' \\ c" }],
    ["type(content='日本語 é')", { type: 'type', text: '日本語 é' }],
    ["scroll(start_box='(5,6)', direction='left')", { type: 'scroll', at: { x: 5, y: 6 }, direction: 'left', amount: 5 }],
    ["scroll(direction='down', amount='3')", { type: 'scroll', direction: 'down', amount: 3 }],
    ['wait()', { type: 'wait', ms: 5000 }],
    ['finished()', { type: 'finished' }],
    ["finished(content='the answer is 4')", { type: 'finished', content: 'the answer is 4' }],
    ['call_user()', { type: 'call_user' }],
    ["launch(program='xterm', args='[\"-e\",\"top\"]')", { type: 'launch', program: 'xterm', args: ['-e', 'top'] }],
    ["click(start_box='(1,2)', display='hdmi-1')", { type: 'click', at: { x: 1, y: 2, display: 'hdmi-1' } }],
  ])('%s', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });

  it('reads a Thought and several actions', () => {
    const r = parseReply("Thought: The field is empty.\nI will fill it.\nAction: click(start_box='(1,2)')\n\ntype(content='x\\n')");
    expect(r.thought).toBe('The field is empty.\nI will fill it.');
    expect(r.actions.map((a) => a.type)).toEqual(['click', 'type']);
  });

  it('maps the 0-1000 relative mode and resized-image pixels to the screen', () => {
    expect(one("click(start_box='(500,500)')", { coordinates: { space: 'relative', screen } })).toEqual({ type: 'click', at: { x: 960, y: 540 } });
    expect(one("click(start_box='[0,0,1000,1000]')", { coordinates: { space: 'relative', screen } })).toEqual({ type: 'click', at: { x: 960, y: 540 } });
    expect(one("click(start_box='(546,308)')", { coordinates: { space: 'image', image: { width: 1092, height: 616 }, screen } })).toEqual({ type: 'click', at: { x: 960, y: 540 } });
  });

  it.each([
    ["clik(start_box='(1,2)')", 1, 1, /unknown action "clik"/],
    ["click(start_box='(1,2)'", 1, 24, /expected ","/],
    ["click(start_box='(1,2)') and more", 1, 26, /expected a new line/],
    ["click(start_box='1,2')", 1, 17, /not a point or box/],
    ["click(start_box='[30,40,10,20]')", 1, 17, /corners reversed/],
    ["click(start_box='(1,2)', start_box='(3,4)')", 1, 26, /given twice/],
    ["click(start_box='(1,2)', foo='x')", 1, 26, /takes no argument "foo"/],
    ['click()', 1, 1, /needs a point/],
    ["type(content='abc)", 1, 19, /unterminated string/],
    ["type(content='a\\qb')", 1, 16, /unknown escape/],
    ["hotkey(key='ctrl hyper')", 1, 12, /unknown key "hyper"/],
    ["hotkey(key='a b c d e')", 1, 12, /at most 4 keys/],
    ["scroll(direction='sideways')", 1, 18, /up, down, left or right/],
    ["drag(start_box='(1,2)')", 1, 1, /needs end_box/],
    ["key_down(key='shift')", 1, 1, /unknown action "key_down"/],
    ['Thought: no action here', 1, 24, /no "Action:" line/],
    ["I think\nAction: wait()", 1, 1, /unexpected text before "Action:"/],
    ['   ', 1, 4, /no action found/],
    ["wait()\nclick(start_box='(5,5)'", 2, 24, /expected ","/],
  ])('rejects %j at line %i, column %i', (text, line, column, reason) => {
    let error: unknown;
    try {
      parseReply(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GrammarError);
    const g = error as GrammarError;
    expect(g.message).toMatch(reason);
    expect([g.line, g.column]).toEqual([line, column]);
    expect(g.exitCode).toBe(2);
  });

  it('rejects points outside the relative space instead of clamping them', () => {
    expect(() => parseReply("click(start_box='(1200,5)')", { coordinates: { space: 'relative', screen } })).toThrow(/outside the 1000x1000/);
  });
});

describe('UI-TARS grammar: printing', () => {
  it('prints what it parses, for 5,000 random actions', () => {
    const next = rng(7);
    for (let i = 0; i < 5000; i++) {
      const a = Action.parse(randomAction(next, { integerPoints: true, singleDisplay: true }));
      expect(parseReply(printAction(a)).actions).toEqual([a]);
    }
  });

  it('prints a whole reply', () => {
    const text = printReply({ thought: 'Save it.', actions: [{ type: 'hotkey', keys: ['ctrl', 's'] }, { type: 'wait', ms: 1500 }] });
    expect(text).toBe("Thought: Save it.\nAction: hotkey(key='ctrl s')\nwait(ms='1500')");
    expect(parseReply(text).actions).toEqual([{ type: 'hotkey', keys: ['ctrl', 's'] }, { type: 'wait', ms: 1500 }]);
  });
});
