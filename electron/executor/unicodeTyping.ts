// Characters outside the X keymap (é, €, 日本, emoji) cannot be typed by nut-js on X11: libnut
// looks each character up in the current keymap and sends nothing when it is absent. The usual
// fix, `xdotool type`, rebinds one spare keycode per character and restores it right away, which
// races with applications that read the keymap late (Chromium typed "日本本本" for "日本語").
// Here each character gets its own spare keycode (bound with xmodmap, reused least-recently
// first), and the binding stays until that keycode is needed again, so the key press and the
// keymap it needs always agree; the characters of a whole text are bound at once, before typing
// starts, and applications get a moment to re-read the keymap. xdotool then presses the keysyms. Only these characters
// take this path; everything else is typed by nut-js.
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { OperantError } from '../../engine/errors.ts';

const run = promisify(execFile);

async function tool(cmd: 'xmodmap' | 'xdotool', args: string[]): Promise<string> {
  try {
    return (await run(cmd, args, { timeout: 10_000 })).stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      const pkg = cmd === 'xmodmap' ? 'x11-xserver-utils' : 'xdotool';
      throw new OperantError(`typing non-ASCII text on X11 needs ${cmd}: install it with \`apt-get install -y ${pkg}\``, 1);
    }
    throw new Error(`${cmd} failed: ${err.stderr?.trim() || err.message}`, { cause: e });
  }
}

/** Keycodes with no keysym bound: free for temporary Unicode bindings. */
export function freeKeycodes(xmodmapPke: string): number[] {
  return [...xmodmapPke.matchAll(/^keycode\s+(\d+)\s*=\s*$/gm)].map((m) => Number(m[1]));
}

export const keysymName = (ch: string) => `U${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** How long applications get to re-read the keymap after it changes, before keys that need it are pressed. */
const KEYMAP_SETTLE_MS = 40;

export class UnicodeTyper {
  private free: number[] | undefined;
  /** Character → keycode, oldest binding first (a Map keeps insertion order). */
  private readonly bound = new Map<string, number>();

  /** Binds keycodes for as many of these characters as there are spare keycodes, in one keymap change. */
  async prepare(chars: Iterable<string>, signal: AbortSignal): Promise<void> {
    this.free ??= freeKeycodes(await tool('xmodmap', ['-pke']));
    const wanted = [...new Set(chars)].filter((ch) => !this.bound.has(ch)).slice(0, this.free.length);
    await this.bind(wanted, [], signal);
  }

  async type(text: string, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const chars = [...text];
    this.free ??= freeKeycodes(await tool('xmodmap', ['-pke']));
    for (const ch of chars) {
      const code = this.bound.get(ch);
      if (code === undefined) continue;
      // Most recently used last, so eviction takes the least recently used.
      this.bound.delete(ch);
      this.bound.set(ch, code);
    }
    await this.bind([...new Set(chars)].filter((ch) => !this.bound.has(ch)), chars, signal);
    await tool('xdotool', ['key', '--delay', '2', '--', ...chars.map(keysymName)]);
  }

  /** Gives the borrowed keycodes back to the keymap. */
  async restore(): Promise<void> {
    if (!this.bound.size) return;
    const args = [...this.bound.values()].flatMap((code) => ['-e', `keycode ${code} =`]);
    this.free?.push(...this.bound.values());
    this.bound.clear();
    await tool('xmodmap', args).catch(() => undefined);
  }

  private async bind(chars: string[], keep: string[], signal: AbortSignal): Promise<void> {
    if (!chars.length) return;
    const binds: string[] = [];
    for (const ch of chars) {
      const code = this.free!.pop() ?? this.evict(keep);
      this.bound.set(ch, code);
      binds.push('-e', `keycode ${code} = ${keysymName(ch)} ${keysymName(ch)}`);
    }
    await tool('xmodmap', binds);
    await sleep(KEYMAP_SETTLE_MS, undefined, { signal });
  }

  private evict(keep: string[]): number {
    for (const [ch, code] of this.bound) {
      if (keep.includes(ch)) continue;
      this.bound.delete(ch);
      return code;
    }
    throw new OperantError('the X keymap has no spare keycodes for typing these characters: type fewer distinct non-ASCII characters at once', 1);
  }
}
