// What the executor needs from an input backend, and the record of what it holds down, so that a
// stop, a crash or a kill never leaves a key or a button pressed.
import type { Action, KeyName } from '../shared/actions.ts';

export type MouseButton = 'left' | 'right' | 'middle';

/** Keys and buttons currently held down by the executor; every change is reported to `onChange`. */
export class HeldInput {
  readonly keys = new Set<KeyName>();
  readonly buttons = new Set<MouseButton>();
  constructor(private readonly onChange: (held: { keys: KeyName[]; buttons: MouseButton[] }) => void = () => {}) {}

  private changed(): void {
    this.onChange({ keys: [...this.keys], buttons: [...this.buttons] });
  }
  /** Call before pressing, so the record is never behind the real state. */
  keyDown(key: KeyName): void {
    this.keys.add(key);
    this.changed();
  }
  keyUp(key: KeyName): void {
    if (this.keys.delete(key)) this.changed();
  }
  buttonDown(button: MouseButton): void {
    this.buttons.add(button);
    this.changed();
  }
  buttonUp(button: MouseButton): void {
    if (this.buttons.delete(button)) this.changed();
  }
  get empty(): boolean {
    return this.keys.size === 0 && this.buttons.size === 0;
  }
}

export interface Point {
  x: number;
  y: number;
}

export interface Backend {
  readonly kind: 'nut-js' | 'dry-run';
  /** The whole screen in backend coordinates, for the default one-display layout. */
  screenSize(): Promise<{ width: number; height: number }>;
  /** A short hash of the screen's pixels, for the audit log; undefined where capture fails. */
  screenHash(): Promise<string | undefined>;
  /** The active window's title, for window allow-lists; undefined where unknown (no window manager). */
  activeWindowTitle(): Promise<string | undefined>;
  /** Performs an action whose points were already mapped to backend coordinates. Rejects with an AbortError on stop. */
  perform(action: Action, points: Point[], signal: AbortSignal, held: HeldInput): Promise<void>;
  /** Releases everything in `held`. Must not throw. */
  release(held: HeldInput): Promise<void>;
  /** Undoes what the backend changed for its own use (borrowed keycodes). */
  close?(): Promise<void>;
}
