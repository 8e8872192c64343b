// The UI-TARS action grammar, parsed and printed. Open GUI models (UI-TARS and its relatives)
// answer `Thought: …\nAction: click(start_box='(x,y)')`; scripts use the same text. Parsing is
// strict: anything that is not a known call with known, well-formed arguments is rejected with
// its position and the reason, because a guessed action is an action nobody asked for.
import { OperantError } from '../../engine/errors.ts';
import { Action, KEY_NAMES, type ScreenPoint } from './actions.ts';

export interface Size {
  width: number;
  height: number;
}

/**
 * What the numbers in a box mean. `pixels`: screen pixels as written (scripts, pixel-space
 * models). `relative`: UI-TARS v1.0's 0–1000 scale over the screen. `image`: pixels of the
 * resized image the model saw (UI-TARS v1.5), scaled to the screen.
 */
export type CoordinateMode = { space: 'pixels' } | { space: 'relative'; screen: Size } | { space: 'image'; image: Size; screen: Size };

export interface ParseOptions {
  coordinates?: CoordinateMode;
}

export interface ParsedReply {
  thought?: string;
  actions: Action[];
}

export class GrammarError extends OperantError {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`, 2);
    this.name = 'GrammarError';
  }
}

const KEY_ALIASES: Record<string, string> = {
  control: 'ctrl', cmd: 'super', command: 'super', meta: 'super', win: 'super', windows: 'super', option: 'alt',
  return: 'enter', esc: 'escape', del: 'delete', ins: 'insert', pgup: 'pageup', pgdn: 'pagedown', page_up: 'pageup', page_down: 'pagedown',
  arrowup: 'up', arrowdown: 'down', arrowleft: 'left', arrowright: 'right', spacebar: 'space', back: 'backspace', caps_lock: 'capslock', print: 'printscreen',
};
const KEYS = new Set(KEY_NAMES);

const CALL_ARGS: Record<string, readonly string[]> = {
  click: ['start_box', 'point', 'start_point', 'display'],
  left_double: ['start_box', 'point', 'start_point', 'display'],
  right_single: ['start_box', 'point', 'start_point', 'display'],
  middle_single: ['start_box', 'point', 'start_point', 'display'],
  mouse_move: ['start_box', 'point', 'start_point', 'display'],
  drag: ['start_box', 'end_box', 'start_point', 'end_point', 'display'],
  hotkey: ['key'],
  type: ['content'],
  scroll: ['start_box', 'point', 'start_point', 'direction', 'amount', 'display'],
  wait: ['ms'],
  launch: ['program', 'args'],
  finished: ['content'],
  call_user: ['reason'],
};
/** Other names models use for the same calls. */
const CALL_ALIASES: Record<string, string> = {
  left_single: 'click', double_click: 'left_double', right_click: 'right_single', middle_click: 'middle_single',
  hover: 'mouse_move', move: 'mouse_move', select: 'drag', open_app: 'launch',
};

interface Arg {
  value: string;
  at: number;
}

/** A cursor over the text that knows how to report where it is. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  fail(reason: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new GrammarError(reason, at, line, column);
  }
  peek(): string | undefined {
    return this.text[this.pos];
  }
  skipSpace(newlines: boolean): void {
    while (this.pos < this.text.length && (newlines ? /\s/ : /[ \t]/).test(this.text[this.pos]!)) this.pos++;
  }
  expect(ch: string, what: string): void {
    if (this.text[this.pos] !== ch) this.fail(`expected ${JSON.stringify(ch)} ${what}, found ${this.describe()}`);
    this.pos++;
  }
  describe(): string {
    const c = this.text[this.pos];
    return c === undefined ? 'the end of the text' : JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }
  word(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) this.fail(`expected an action name such as click( or type(, found ${this.describe()}`);
    this.pos += m[0].length;
    return m[0];
  }
  quoted(): string {
    const quote = this.text[this.pos]!;
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail(`unterminated string: add the closing ${quote}`);
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const e = this.text[this.pos + 1];
        const decoded = e === undefined ? undefined : ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e];
        if (decoded === undefined) this.fail(`unknown escape \\${e ?? ''}: write \\\\ for a backslash, \\n for a new line, \\' or \\" for a quote`);
        out += decoded;
        this.pos += 2;
      } else {
        out += c;
        this.pos++;
      }
    }
  }
  bareNumber(): string {
    const m = /^-?\d+(?:\.\d+)?/.exec(this.text.slice(this.pos, this.pos + 32));
    if (!m) this.fail(`expected a quoted value such as '(100,200)', found ${this.describe()}`);
    this.pos += m[0].length;
    return m[0];
  }
}

function parseArgs(s: Scanner, name: string): Map<string, Arg> {
  const args = new Map<string, Arg>();
  s.expect('(', `after ${name}`);
  s.skipSpace(true);
  while (s.peek() !== ')') {
    if (args.size > 0) {
      s.expect(',', 'between arguments');
      s.skipSpace(true);
    }
    const keyAt = s.pos;
    const key = s.word();
    if (!CALL_ARGS[name]!.includes(key)) s.fail(`${name}() takes no argument "${key}"; it takes ${CALL_ARGS[name]!.join(', ') || 'none'}`, keyAt);
    if (args.has(key)) s.fail(`argument "${key}" is given twice`, keyAt);
    s.skipSpace(false);
    s.expect('=', `after ${key}`);
    s.skipSpace(false);
    const at = s.pos;
    const q = s.peek();
    const value = q === "'" || q === '"' ? s.quoted() : s.bareNumber();
    args.set(key, { value, at });
    s.skipSpace(true);
  }
  s.pos++;
  return args;
}

const NUM = String.raw`\s*(-?\d+(?:\.\d+)?)\s*`;
const BOX_FORMS = [
  new RegExp(String.raw`^\(${NUM},${NUM}(?:,${NUM},${NUM})?\)$`),
  new RegExp(String.raw`^\[${NUM},${NUM}(?:,${NUM},${NUM})?\]$`),
  new RegExp(String.raw`^<point>${NUM}\s${NUM}</point>$`),
  new RegExp(String.raw`^<bbox>${NUM}\s${NUM}\s${NUM}\s${NUM}</bbox>$`),
];

/** A box value as a point in the model's coordinates: a point, or the centre of a box. */
function boxPoint(s: Scanner, arg: Arg): { x: number; y: number } {
  const raw = arg.value.replace(/<\|box_start\|>|<\|box_end\|>/g, '').trim();
  for (const form of BOX_FORMS) {
    const m = form.exec(raw);
    if (!m) continue;
    const n = m.slice(1).filter((v) => v !== undefined).map(Number);
    if (n.length === 2) return { x: n[0]!, y: n[1]! };
    const [x1, y1, x2, y2] = n as [number, number, number, number];
    if (x2 < x1 || y2 < y1) s.fail(`box [${n.join(',')}] has its corners reversed: write [left, top, right, bottom]`, arg.at);
    return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  }
  return s.fail(`"${arg.value}" is not a point or box: write '(x,y)', '[x1,y1,x2,y2]' or '<point>x y</point>'`, arg.at);
}

function toScreen(s: Scanner, arg: Arg, mode: CoordinateMode, display: string | undefined): ScreenPoint {
  const p = boxPoint(s, arg);
  let x = p.x;
  let y = p.y;
  if (mode.space !== 'pixels') {
    const from = mode.space === 'relative' ? { width: 1000, height: 1000 } : mode.image;
    if (x < 0 || y < 0 || x > from.width || y > from.height) {
      s.fail(`point (${x},${y}) lies outside the ${from.width}x${from.height} ${mode.space === 'relative' ? 'relative 0-1000 space' : 'model image'}`, arg.at);
    }
    x = Math.round((x * mode.screen.width) / from.width);
    y = Math.round((y * mode.screen.height) / from.height);
  }
  return display === undefined ? { x, y } : { x, y, display };
}

function parseKeys(s: Scanner, arg: Arg): string[] {
  const parts = arg.value.trim().toLowerCase().split(/[\s+]+/).filter(Boolean);
  if (parts.length === 0) s.fail('hotkey needs at least one key, e.g. hotkey(key=\'ctrl s\')', arg.at);
  if (parts.length > 4) s.fail(`hotkey takes at most 4 keys, got ${parts.length}`, arg.at);
  return parts.map((k) => {
    const key = KEY_ALIASES[k] ?? k;
    if (!KEYS.has(key)) s.fail(`unknown key "${k}": use names such as ctrl, shift, alt, super, enter, escape, tab, f5, a`, arg.at);
    return key;
  });
}

function positiveInt(s: Scanner, arg: Arg, what: string, max: number): number {
  const n = Number(arg.value);
  if (!/^\d+$/.test(arg.value.trim()) || n > max) s.fail(`${what} must be a whole number from 0 to ${max}, got "${arg.value}"`, arg.at);
  return n;
}

function buildAction(s: Scanner, name: string, args: Map<string, Arg>, nameAt: number, mode: CoordinateMode): Action {
  const display = args.get('display')?.value;
  const point = (...keys: string[]) => {
    const key = keys.find((k) => args.has(k));
    return key ? toScreen(s, args.get(key)!, mode, display) : undefined;
  };
  const required = (p: ScreenPoint | undefined, what: string) => p ?? s.fail(`${name}() needs ${what}, e.g. ${name}(start_box='(100,200)')`, nameAt);
  const startKeys = ['start_box', 'point', 'start_point'];
  if (startKeys.filter((k) => args.has(k)).length > 1) s.fail(`${name}() takes one of ${startKeys.join(', ')}, not several`, nameAt);
  switch (name) {
    case 'click':
      return { type: 'click', at: required(point(...startKeys), 'a point') };
    case 'left_double':
      return { type: 'double_click', at: required(point(...startKeys), 'a point') };
    case 'right_single':
      return { type: 'right_click', at: required(point(...startKeys), 'a point') };
    case 'middle_single':
      return { type: 'middle_click', at: required(point(...startKeys), 'a point') };
    case 'mouse_move':
      return { type: 'move', at: required(point(...startKeys), 'a point') };
    case 'drag': {
      if (args.has('end_box') && args.has('end_point')) s.fail('drag() takes end_box or end_point, not both', nameAt);
      const from = required(point(...startKeys), 'start_box');
      const to = point('end_box', 'end_point') ?? s.fail("drag() needs end_box, e.g. drag(start_box='(10,10)', end_box='(200,10)')", nameAt);
      return { type: 'drag', from, to };
    }
    case 'hotkey':
      return { type: 'hotkey', keys: parseKeys(s, args.get('key') ?? s.fail("hotkey() needs key, e.g. hotkey(key='ctrl s')", nameAt)) };
    case 'type': {
      const content = args.get('content') ?? s.fail("type() needs content, e.g. type(content='hello')", nameAt);
      if (content.value.length > 100_000) s.fail('type() content is longer than 100000 characters: split it', content.at);
      return { type: 'type', text: content.value };
    }
    case 'scroll': {
      const dir = args.get('direction') ?? s.fail("scroll() needs direction='up', 'down', 'left' or 'right'", nameAt);
      const direction = dir.value.trim().toLowerCase();
      if (direction !== 'up' && direction !== 'down' && direction !== 'left' && direction !== 'right') {
        s.fail(`scroll direction must be up, down, left or right, got "${dir.value}"`, dir.at);
      }
      const amountArg = args.get('amount');
      const amount = amountArg ? positiveInt(s, amountArg, 'scroll amount', 100) : 5;
      if (amount < 1) s.fail('scroll amount must be at least 1', amountArg!.at);
      const at = point(...startKeys);
      return at ? { type: 'scroll', at, direction, amount } : { type: 'scroll', direction, amount };
    }
    case 'wait': {
      const ms = args.get('ms');
      return { type: 'wait', ms: ms ? positiveInt(s, ms, 'wait ms', 60_000) : 5000 };
    }
    case 'launch': {
      const program = args.get('program') ?? s.fail("launch() needs program, e.g. launch(program='xterm')", nameAt);
      if (!program.value.trim()) s.fail('launch() program is empty', program.at);
      const argsArg = args.get('args');
      let list: unknown = [];
      if (argsArg) {
        try {
          list = JSON.parse(argsArg.value);
        } catch {
          list = undefined;
        }
        if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) s.fail(`launch() args must be a JSON list of strings such as '["-e","top"]'`, argsArg.at);
      }
      return { type: 'launch', program: program.value, args: list as string[] };
    }
    case 'finished': {
      const content = args.get('content');
      return content ? { type: 'finished', content: content.value } : { type: 'finished' };
    }
    default: {
      const reason = args.get('reason');
      return reason ? { type: 'call_user', reason: reason.value } : { type: 'call_user' };
    }
  }
}

/** Where the calls start: after `Action:` when the reply has one, else at the top (a script). */
function splitReply(text: string, s: Scanner): { thought?: string; start: number } {
  const marker = /^[ \t]*Action[ \t]*:/m.exec(text);
  if (!marker) {
    if (/^[ \t]*(?:Thought|Reflection|Action_Summary)[ \t]*:/m.test(text)) s.fail('the reply has a Thought but no "Action:" line', text.length);
    return { start: 0 };
  }
  const head = text.slice(0, marker.index);
  const thought = /(?:^|\n)[ \t]*Thought[ \t]*:([\s\S]*)$/.exec(head)?.[1]?.trim();
  const rest = head.replace(/(?:^|\n)[ \t]*(?:Thought|Reflection|Action_Summary)[ \t]*:[\s\S]*$/, '').trim();
  if (rest) s.fail(`unexpected text before "Action:": ${JSON.stringify(rest.slice(0, 40))}; start with "Thought:" or "Action:"`, head.indexOf(rest));
  return { thought, start: marker.index + marker[0].length };
}

/** Parses a model reply or a script into actions. Throws GrammarError (exit 2) with the position and reason. */
export function parseReply(text: string, opts: ParseOptions = {}): ParsedReply {
  const mode = opts.coordinates ?? { space: 'pixels' };
  const s: Scanner = new Scanner(text);
  const { thought, start } = splitReply(text, s);
  s.pos = start;
  const actions: Action[] = [];
  for (s.skipSpace(true); s.pos < text.length; s.skipSpace(true)) {
    const nameAt = s.pos;
    const written = s.word();
    const name = CALL_ALIASES[written] ?? written;
    if (!(name in CALL_ARGS)) s.fail(`unknown action "${written}": use one of ${Object.keys(CALL_ARGS).join(', ')}`, nameAt);
    s.skipSpace(false);
    const args = parseArgs(s, name);
    const action = Action.safeParse(buildAction(s, name, args, nameAt, mode));
    if (!action.success) s.fail(`${written}(): ${action.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`, nameAt);
    actions.push(action.data);
    s.skipSpace(false);
    if (s.pos < text.length && s.peek() !== '\n' && s.peek() !== '\r') s.fail(`expected a new line after ${written}(…), found ${s.describe()}`);
  }
  if (actions.length === 0) s.fail('no action found: write one such as click(start_box=\'(100,200)\')', text.length);
  return thought === undefined ? { actions } : { thought, actions };
}

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
const box = (p: ScreenPoint) => `'(${p.x},${p.y})'`;
const displayArg = (p: ScreenPoint) => (p.display === undefined ? '' : `, display=${quote(p.display)}`);

/** Prints one action in the UI-TARS grammar with pixel coordinates; `parseReply` reads it back unchanged. */
export function printAction(a: Action): string {
  switch (a.type) {
    case 'click':
      return `click(start_box=${box(a.at)}${displayArg(a.at)})`;
    case 'double_click':
      return `left_double(start_box=${box(a.at)}${displayArg(a.at)})`;
    case 'right_click':
      return `right_single(start_box=${box(a.at)}${displayArg(a.at)})`;
    case 'middle_click':
      return `middle_single(start_box=${box(a.at)}${displayArg(a.at)})`;
    case 'move':
      return `mouse_move(start_box=${box(a.at)}${displayArg(a.at)})`;
    case 'drag':
      if ((a.from.display ?? null) !== (a.to.display ?? null)) throw new OperantError('a drag between two displays cannot be written in the UI-TARS grammar', 2);
      return `drag(start_box=${box(a.from)}, end_box=${box(a.to)}${displayArg(a.from)})`;
    case 'type':
      return `type(content=${quote(a.text)})`;
    case 'hotkey':
      return `hotkey(key=${quote(a.keys.join(' '))})`;
    case 'scroll':
      return `scroll(${a.at ? `start_box=${box(a.at)}, ` : ''}direction='${a.direction}'${a.amount === 5 ? '' : `, amount='${a.amount}'`}${a.at ? displayArg(a.at) : ''})`;
    case 'wait':
      return a.ms === 5000 ? 'wait()' : `wait(ms='${a.ms}')`;
    case 'launch':
      return `launch(program=${quote(a.program)}${a.args.length ? `, args=${quote(JSON.stringify(a.args))}` : ''})`;
    case 'finished':
      return a.content === undefined ? 'finished()' : `finished(content=${quote(a.content)})`;
    case 'call_user':
      return a.reason === undefined ? 'call_user()' : `call_user(reason=${quote(a.reason)})`;
  }
}

/** Prints a reply as a model would write it: an optional Thought, then the actions, one per line. */
export function printReply(reply: ParsedReply): string {
  const actions = reply.actions.map(printAction).join('\n');
  return reply.thought === undefined ? `Action: ${actions}` : `Thought: ${reply.thought}\nAction: ${actions}`;
}
