// What the tests feed the renderer: steps as the agent loop reports them, with thumbnails that
// are real screenshots (a small sign-up page rendered by the same Chromium, then downscaled).
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import type { AgentState, ApprovalRequest, SettingsView, StepEvent } from '../../electron/shared/ipc.ts';

export const FRAME = { width: 1280, height: 800 };
export const SESSION = 'run1';
export const COMMAND = 'Sign up on the demo page with ada@example.com';

const page = (email: string) => `<!doctype html><html><body style="margin:0;font:16px 'Liberation Sans',sans-serif;background:#e9edf3">
<div style="height:44px;background:#2b3140;color:#fff;display:flex;align-items:center;padding:0 18px;gap:10px"><b>demo.local</b><span style="opacity:.6">/ sign-up</span></div>
<div style="width:420px;margin:90px auto;background:#fff;border-radius:10px;padding:32px;box-shadow:0 4px 18px rgba(0,0,0,.12)">
<h2 style="margin:0 0 18px">Create your account</h2>
<label>Name<input value="Ada Lovelace" style="display:block;width:100%;box-sizing:border-box;margin:6px 0 16px;padding:10px;font-size:16px"></label>
<label>Email<input value="${email}" style="display:block;width:100%;box-sizing:border-box;margin:6px 0 16px;padding:10px;font-size:16px"></label>
<button style="background:#3b6ef5;color:#fff;border:0;border-radius:6px;padding:12px 18px;font-size:16px">Create account</button>
</div></body></html>`;

async function thumbnail(browser: Browser, email: string): Promise<string> {
  const p = await browser.newPage({ viewport: FRAME });
  await p.setContent(page(email));
  const png = await sharp(await p.screenshot()).resize(320, 200).png().toBuffer();
  await p.close();
  return `data:image/png;base64,${png.toString('base64')}`;
}

export async function makeSteps(browser: Browser): Promise<StepEvent[]> {
  const [empty, filled] = [await thumbnail(browser, ''), await thumbnail(browser, 'ada@example.com')];
  return [
    {
      sessionId: SESSION,
      index: 0,
      thumbnail: empty,
      frame: FRAME,
      action: { type: 'click', at: { x: 640, y: 330 } },
      actionText: "click(start_box='(640,330)')",
      decision: { policy: 'operant-action', confidence: 0.94, target: { kind: 'text_field', text: 'Email' } },
      outcome: { status: 'performed', approvedBy: 'policy' },
      timings: { capture: 38, perceive: 212, decide: 486, act: 41 },
    },
    {
      sessionId: SESSION,
      index: 1,
      thumbnail: empty,
      frame: FRAME,
      action: { type: 'type', text: 'ada@example.com' },
      actionText: "type(content='ada@example.com')",
      decision: { policy: 'operant-action', confidence: 0.88, thought: 'The email field has the focus; type the address.' },
      outcome: { status: 'performed', approvedBy: 'user' },
      timings: { capture: 35, perceive: 96, decide: 512, act: 230 },
    },
    {
      sessionId: SESSION,
      index: 2,
      thumbnail: filled,
      frame: FRAME,
      action: { type: 'click', at: { x: 560, y: 398 } },
      actionText: "click(start_box='(560,398)')",
      decision: { policy: 'operant-action', confidence: 0.61, target: { kind: 'button', text: 'Create account' } },
      outcome: { status: 'failed', reason: 'The screen did not change after the click.', approvedBy: 'policy' },
      timings: { capture: 37, perceive: 88, decide: 470, act: 39 },
    },
  ];
}

export const running: AgentState = { status: 'running', sessionId: SESSION, command: COMMAND, startedAt: Date.now() - 14_000 };

export const approval: ApprovalRequest = {
  requestId: 'ask1',
  sessionId: SESSION,
  action: { type: 'launch', program: 'xterm', args: [] },
  reasons: ['starts a program', 'the standard policy asks before launching programs'],
  summary: 'The agent wants to open a terminal to finish the sign-up.',
};

export const settingsView: SettingsView = {
  settings: { shortcuts: { commandBar: 'Ctrl+Alt+Space', stop: 'Ctrl+Alt+Backspace' }, policy: 'standard', model: 'auto' },
  models: [{ id: 'example-act', task: 'gui-action', label: 'example-act: an action model from the registry' }],
};
