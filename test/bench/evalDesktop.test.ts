// The desktop evaluation harness on a real GTK program: an agent that does nothing leaves the
// dialog open and fails, one that types the answer and presses Enter is scored by zenity itself.
// (Mousepad's tasks are not tested here: in CI a Mousepad start sometimes showed no window within
// 15 s.)
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DESKTOP_TASKS, runDesktopTask } from '../../bench/evalDesktop.ts';

const task = (id: string) => DESKTOP_TASKS.find((t) => t.id === id)!;
const step = `echo '{"index":0,"timings":{"capture":1,"perceive":2,"decide":3,"act":4}}'`;

describe('desktop evaluation (zenity)', () => {
  it('fails an agent that does nothing, and scores one that answers through real input by the program\'s output', async () => {
    // The pointer away from where the dialog opens: the harness, like a window manager, focuses it.
    execFileSync('xdotool', ['mousemove', '5', '5']);
    const idle = await runDesktopTask(task('entry_enter'), `true {instruction}; ${step}; echo '{"status":"finished"}'`);
    expect(idle).toMatchObject({ success: false, steps: 1, status: 'finished', got: { code: null } });
    const typist = await runDesktopTask(task('entry_enter'), `true {instruction}; xdotool type --delay 20 Grace && xdotool key Return; ${step}; echo '{"status":"finished"}'`);
    expect(typist).toMatchObject({ success: true, got: { stdout: 'Grace', code: 0 } });
    // The right answer with the wrong button is still wrong.
    const cancel = await runDesktopTask(task('entry_enter'), `true {instruction}; xdotool type --delay 20 Grace && xdotool key Escape; ${step}; echo '{"status":"finished"}'`);
    expect(cancel).toMatchObject({ success: false, got: { code: 1 } });
  }, 60_000);
});
