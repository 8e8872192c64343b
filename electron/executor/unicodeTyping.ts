// Characters outside the X keymap (é, €, 日本, emoji) cannot be typed by nut-js on X11: libnut
// looks each character up in the current keymap and sends nothing when it is absent. The usual
// fix, `xdotool type`, rebinds one spare keycode per character and restores it right away, which
// races with applications that read the keymap late (Chromium typed "日本本本" for "日本語").
// Here each character gets its own spare keycode (bound with xmodmap, reused least-recently
// first), and the binding stays until that keycode is needed again, so the key press and the
// keymap it needs always agree. xdotool then presses the bound keysyms. Only these characters
// take this path; everything else is typed by nut-js.
import { execFile } from 'node:child_process';
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

export class UnicodeTyper {
  private free: number[] | undefined;
  /** Character → keycode, oldest binding first (a Map keeps insertion order). */
  private readonly bound = new Map<string, number>();

  async type(text: string, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const chars = [...text];
    this.free ??= freeKeycodes(await tool('xmodmap', ['-pke']));
    const binds: string[] = [];
    for (const ch of new Set(chars)) {
      const code = this.bound.get(ch);
      if (code !== undefined) {
        this.bound.delete(ch);
        this.bound.set(ch, code);
        continue;
      }
      const next = this.free.pop() ?? this.evict(chars);
      this.bound.set(ch, next);
      binds.push('-e', `keycode ${next} = ${keysymName(ch)} ${keysymName(ch)}`);
    }
    if (binds.length) await tool('xmodmap', binds);
    await tool('xdotool', ['key', '--delay', '2', '--', ...chars.map(keysymName)]);
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
