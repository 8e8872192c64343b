// Real input through nut-js: the only module in Operant that moves the mouse or presses keys.
// It talks to nut-js's providers directly, because nut-js's high-level API sleeps before every
// key event (autoDelayMs) and libnut's own delays default to hundreds of milliseconds.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Button, Key, Point as NutPoint, providerRegistry } from '@nut-tree-fork/nut-js';
import type { Action, KeyName } from '../shared/actions.ts';
import type { Backend, HeldInput, MouseButton, Point } from './backend.ts';
import { type KeyStep, planHotkey, planText } from './keyPlan.ts';
import { UnicodeTyper } from './unicodeTyping.ts';

const NAMED: Record<string, Key> = {
  ctrl: Key.LeftControl, shift: Key.LeftShift, alt: Key.LeftAlt, super: Key.LeftSuper,
  enter: Key.Enter, escape: Key.Escape, tab: Key.Tab, space: Key.Space, backspace: Key.Backspace, delete: Key.Delete,
  insert: Key.Insert, home: Key.Home, end: Key.End, pageup: Key.PageUp, pagedown: Key.PageDown,
  up: Key.Up, down: Key.Down, left: Key.Left, right: Key.Right, capslock: Key.CapsLock, printscreen: Key.Print,
  '`': Key.Grave, '-': Key.Minus, '=': Key.Equal, '[': Key.LeftBracket, ']': Key.RightBracket, '\\': Key.Backslash,
  ';': Key.Semicolon, "'": Key.Quote, ',': Key.Comma, '.': Key.Period, '/': Key.Slash,
};

/** The nut-js key for a canonical key name. */
export function nutKey(name: KeyName): Key {
  const named = NAMED[name];
  if (named !== undefined) return named;
  if (/^[a-z]$/.test(name)) return Key[name.toUpperCase() as keyof typeof Key];
  if (/^[0-9]$/.test(name)) return Key[`Num${name}` as keyof typeof Key];
  if (/^f([1-9]|1[0-2])$/.test(name)) return Key[name.toUpperCase() as keyof typeof Key];
  throw new Error(`no nut-js key for "${name}"`);
}

const BUTTONS: Record<MouseButton, Button> = { left: Button.LEFT, right: Button.RIGHT, middle: Button.MIDDLE };
/** Characters typed between two checks for a stop. */
const CHARS_PER_CHUNK = 2;
/**
 * Characters per second when typing. Applications consume synthetic keys slower than XTEST
 * accepts them (Chromium on this project's 2-core CI machine: about 400 characters/s), so
 * unpaced typing runs seconds ahead of the screen and a stop could not take back what is already
 * queued. Paced below what applications keep up with, a stop halts what the person sees.
 */
export const DEFAULT_TYPING_RATE = 300;
const DRAG_STEPS = 12;

export async function createNutBackend(opts: { typingRate?: number } = {}): Promise<Backend> {
  const typingRate = opts.typingRate ?? DEFAULT_TYPING_RATE;
  const keyboard = providerRegistry.getKeyboard();
  const mouse = providerRegistry.getMouse();
  const screen = providerRegistry.getScreen();
  keyboard.setKeyboardDelay(0);
  mouse.setMouseDelay(0);
  const x11 = process.platform === 'linux';
  const unicode = new UnicodeTyper();

  const moveTo = (p: Point) => mouse.setMousePosition(new NutPoint(p.x, p.y));

  async function runSteps(steps: KeyStep[], held: HeldInput, signal: AbortSignal): Promise<void> {
    for (const step of steps) {
      if (step.kind === 'key_down') {
        held.keyDown(step.key);
        await keyboard.pressKey(nutKey(step.key));
      } else if (step.kind === 'key_up') {
        await keyboard.releaseKey(nutKey(step.key));
        held.keyUp(step.key);
      } else if (x11) {
        await unicode.type(step.text, signal);
      } else {
        await keyboard.type(step.text);
      }
    }
  }

  /** Types in chunks of a few characters, yielding between them so a stop can arrive, at the typing rate. */
  async function typeText(text: string, signal: AbortSignal, held: HeldInput): Promise<void> {
    const chars = [...text.replace(/\r\n/g, '\n')];
    if (x11) await unicode.prepare(chars.filter((c) => c.charCodeAt(0) > 0x7e), signal);
    const started = performance.now();
    for (let i = 0; i < chars.length; i += CHARS_PER_CHUNK) {
      const ahead = typingRate > 0 ? started + (i * 1000) / typingRate - performance.now() : 0;
      if (ahead > 1) await sleep(ahead, undefined, { signal });
      else await new Promise((r) => setImmediate(r));
      signal.throwIfAborted();
      await runSteps(planText(chars.slice(i, i + CHARS_PER_CHUNK).join(''), x11), held, signal);
    }
  }

  async function drag(from: Point, to: Point, signal: AbortSignal, held: HeldInput): Promise<void> {
    await moveTo(from);
    held.buttonDown('left');
    await mouse.pressButton(Button.LEFT);
    for (let i = 1; i <= DRAG_STEPS; i++) {
      await sleep(8, undefined, { signal });
      await moveTo({ x: Math.round(from.x + ((to.x - from.x) * i) / DRAG_STEPS), y: Math.round(from.y + ((to.y - from.y) * i) / DRAG_STEPS) });
    }
    await sleep(8, undefined, { signal });
    await mouse.releaseButton(Button.LEFT);
    held.buttonUp('left');
  }

  async function launch(program: string, args: string[]): Promise<void> {
    const child = spawn(program, args, { detached: true, stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (e) => reject(new Error(`cannot start ${program}: ${e.message}`)));
    });
    child.unref();
  }

  return {
    kind: 'nut-js',
    async screenSize() {
      return { width: await screen.screenWidth(), height: await screen.screenHeight() };
    },
    async screenHash() {
      try {
        const img = await screen.grabScreen();
        return createHash('sha256').update(img.data).digest('hex').slice(0, 32);
      } catch {
        return undefined;
      }
    },
    async activeWindowTitle() {
      try {
        const win = providerRegistry.getWindow();
        return await win.getWindowTitle(await win.getActiveWindow());
      } catch {
        return undefined;
      }
    },
    async perform(action: Action, points: Point[], signal: AbortSignal, held: HeldInput) {
      const [p, q] = points;
      switch (action.type) {
        case 'move':
          return moveTo(p!);
        case 'click':
          await moveTo(p!);
          return mouse.click(Button.LEFT);
        case 'double_click':
          await moveTo(p!);
          return mouse.doubleClick(Button.LEFT);
        case 'right_click':
          await moveTo(p!);
          return mouse.click(Button.RIGHT);
        case 'middle_click':
          await moveTo(p!);
          return mouse.click(Button.MIDDLE);
        case 'drag':
          return drag(p!, q!, signal, held);
        case 'scroll': {
          if (p) await moveTo(p);
          // libnut's X11 horizontal wheel buttons are the mirror of its Windows/macOS ones: on X11
          // nut-js's scrollLeft scrolls right (checked in Chromium under Xvfb, see input.test.ts).
          const horizontal = x11 ? { left: mouse.scrollRight, right: mouse.scrollLeft } : { left: mouse.scrollLeft, right: mouse.scrollRight };
          const scroll = { up: mouse.scrollUp, down: mouse.scrollDown, ...horizontal }[action.direction];
          for (let i = 0; i < action.amount; i++) {
            signal.throwIfAborted();
            await scroll.call(mouse, 1);
          }
          return;
        }
        case 'type':
          return typeText(action.text, signal, held);
        case 'hotkey':
          return runSteps(planHotkey(action.keys), held, signal);
        case 'wait':
          await sleep(action.ms, undefined, { signal });
          return;
        case 'launch':
          return launch(action.program, action.args);
        case 'finished':
        case 'call_user':
          return;
      }
    },
    close: () => unicode.restore(),
    async release(held: HeldInput) {
      for (const key of [...held.keys].reverse()) {
        await keyboard.releaseKey(nutKey(key)).catch(() => undefined);
        held.keyUp(key);
      }
      for (const button of [...held.buttons]) {
        await mouse.releaseButton(BUTTONS[button]).catch(() => undefined);
        held.buttonUp(button);
      }
    },
  };
}
