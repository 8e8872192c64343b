// The sandbox display: a separate Xvfb where the allowed programs run and every action lands,
// while the person's own display is never touched.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExecutorClient } from '../../../electron/core/executorClient.ts';
import { KEY_NAMES } from '../../../electron/shared/actions.ts';
import { heldInX, pointerAt } from './xstate.ts';

const dir = mkdtempSync(join(tmpdir(), 'operant-sandbox-'));

async function waitForFile(path: string, ms = 15_000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text.endsWith('\n')) return text.trim();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} never appeared`);
}

describe.runIf(process.env.DISPLAY)('sandbox display', () => {
  it('runs the allowed programs on its own Xvfb, acts only there, and removes it on close', async () => {
    const mine = pointerAt();
    const client = await ExecutorClient.start({ policy: 'standard', sandbox: { programs: ['xterm -geometry 80x20+0+0'] }, auditDir: dir });
    const number = client.display.slice(1);
    try {
      expect(client.display).not.toBe(process.env.DISPLAY);
      expect(existsSync(`/tmp/.X11-unix/X${number}`)).toBe(true);
      // Without a window manager the keyboard follows the pointer: put it over the xterm and type a command.
      const typed = join(dir, 'typed.txt');
      await new Promise((r) => setTimeout(r, 1500));
      expect((await client.perform({ type: 'click', at: { x: 100, y: 100 } })).status).toBe('performed');
      expect((await client.perform({ type: 'type', text: `echo "typed in the sandbox" > ${typed}\n` })).status).toBe('performed');
      expect(await waitForFile(typed)).toBe('typed in the sandbox');
      // Programs on the sandbox list may be launched without asking, and they start on the sandbox display.
      const launched = join(dir, 'launched.txt');
      const outcome = await client.perform({ type: 'launch', program: 'xterm', args: ['-e', 'sh', '-c', `echo $DISPLAY > ${launched}`] });
      expect(outcome).toMatchObject({ status: 'performed', approvedBy: 'policy' });
      expect(await waitForFile(launched)).toBe(client.display);
      expect(pointerAt()).toEqual(mine);
    } finally {
      await client.close();
    }
    expect(existsSync(`/tmp/.X11-unix/X${number}`)).toBe(false);
  });

  it('can press every key it accepts, one by one, without the executor dying', async () => {
    const client = await ExecutorClient.start({ policy: 'permissive', sandbox: true, auditDir: dir, screenHashes: false });
    try {
      const failed: string[] = [];
      for (const key of KEY_NAMES) {
        const outcome = await client.perform({ type: 'hotkey', keys: [key] });
        if (outcome.status !== 'performed') failed.push(`${key}: ${outcome.reason}`);
      }
      expect(failed).toEqual([]);
      expect(heldInX(client.display)).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('says clearly when a sandbox program cannot start', async () => {
    await expect(ExecutorClient.start({ policy: 'standard', sandbox: { programs: ['no-such-program-operant'] }, auditDir: dir })).rejects.toThrow(/cannot start "no-such-program-operant" in the sandbox display/);
  });
});
