// The desktop evaluation harness on real GTK programs: an agent that does nothing fails; one that
// does the task through real input is scored by the program itself (zenity's answer, the file
// Mousepad saved, the window it opened).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DESKTOP_TASKS, runDesktopTask } from '../../bench/evalDesktop.ts';

const task = (id: string) => DESKTOP_TASKS.find((t) => t.id === id)!;
const step = `echo '{"index":0,"timings":{"capture":1,"perceive":2,"decide":3,"act":4}}'`;

describe('desktop evaluation (zenity, mousepad)', () => {
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

  it('scores Mousepad by the file it saved and the window it opened', async () => {
    const idle = await runDesktopTask(task('mp_type_save'), `true {instruction}; ${step}; echo '{"status":"finished"}'`);
    expect(idle).toMatchObject({ success: false, got: { content: '' } });
    const typist = await runDesktopTask(task('mp_type_save'), `true {instruction}; xdotool type --delay 20 'Buy milk' && xdotool key ctrl+s; ${step}; echo '{"status":"finished"}'`);
    expect(typist).toMatchObject({ success: true, got: { content: 'Buy milk' } });
    const wrongWindow = await runDesktopTask(task('mp_goto'), `true {instruction}; xdotool key ctrl+r; ${step}; echo '{"status":"finished"}'`);
    expect(wrongWindow).toMatchObject({ success: false, got: { window: false } });
    const goTo = await runDesktopTask(task('mp_goto'), `true {instruction}; xdotool key ctrl+l; ${step}; echo '{"status":"finished"}'`);
    expect(goTo).toMatchObject({ success: true, got: { window: true } });
  }, 60_000);
});
