// The two global shortcuts: summon the command bar, stop the agent. Registration can fail when
// another program holds the keys; then the previous shortcuts stay in force and the error says so.
import { OperantError } from '../../engine/errors.ts';
import type { Settings } from '../shared/ipc.ts';

export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

type Shortcuts = Settings['shortcuts'];
export type ShortcutActions = { [K in keyof Shortcuts]: () => void };

const LABEL: Record<keyof Shortcuts, string> = { commandBar: 'command bar', stop: 'stop' };

export class ShortcutKeeper {
  private active: Shortcuts | undefined;

  constructor(
    private readonly globalShortcut: GlobalShortcutLike,
    private readonly actions: ShortcutActions,
  ) {}

  get current(): Shortcuts | undefined {
    return this.active;
  }

  /** Registers `next` in place of the current shortcuts, all or nothing. */
  apply(next: Shortcuts): void {
    if (next.commandBar.toLowerCase() === next.stop.toLowerCase()) {
      throw new OperantError(`the command bar and stop shortcuts are both ${next.stop}: give each its own keys`, 2);
    }
    const previous = this.active;
    this.release();
    const failed = this.registerAll(next);
    if (failed === undefined) {
      this.active = next;
      return;
    }
    this.release(next);
    if (previous && this.registerAll(previous) === undefined) this.active = previous;
    throw new OperantError(
      `${next[failed]} could not be registered as the ${LABEL[failed]} shortcut: another program already uses it; choose other keys in Settings`,
      2,
    );
  }

  /** Unregisters everything this keeper registered (on quit). */
  dispose(): void {
    this.release();
  }

  /** Registers each shortcut; returns the first that failed. */
  private registerAll(shortcuts: Shortcuts): keyof Shortcuts | undefined {
    for (const name of Object.keys(LABEL) as (keyof Shortcuts)[]) {
      if (!this.globalShortcut.register(shortcuts[name], this.actions[name])) return name;
    }
    return undefined;
  }

  private release(shortcuts = this.active): void {
    if (shortcuts) for (const accelerator of Object.values(shortcuts)) this.globalShortcut.unregister(accelerator);
    if (shortcuts === this.active) this.active = undefined;
  }
}
