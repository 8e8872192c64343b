// The agent core in the engine host, as the app runs it but in a Node child (no Electron binary
// here): real perception on a real page, the committed action model, the real executor on this
// X display, steps streamed back, an approval answered by the main side, and the stop switch.
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EngineHostClient } from '../../../electron/engineHost/client.ts';
import { forkNodeHost } from '../../../electron/engineHost/nodeHost.ts';
import type { RunStep } from '../../../electron/engineHost/protocol.ts';
import { createAgentRunner } from '../../../electron/main/agentRunner.ts';
import { HostAgentCore } from '../../../electron/main/hostAgentCore.ts';
import { StepEvent } from '../../../electron/shared/ipc.ts';
import { generateTasks } from '../../../models/action/tasks/generate.ts';
import { type OpenTask, openTask } from '../../../models/action/tasks/harness.ts';
import { heldInX } from '../executor/xstate.ts';
import { assemble } from '../main/appParts.ts';

let client: EngineHostClient;
let open: OpenTask | undefined;

beforeAll(() => {
  client = new EngineHostClient(forkNodeHost(), 60_000);
});
afterAll(() => client?.close());
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const task = (family: string, seed: number) => generateTasks({ split: 'test', seed, count: 1, families: [family] })[0]!;

describe('the agent core in the engine host', () => {
  it('perceives a real rendered page sent as a frame', async () => {
    const t = task('click_button', 7);
    open = await openTask(t);
    const { data, info } = await sharp(await open.screenshot()).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const perception = await client.request<'perceive'>({ type: 'perceive', frame: { width: info.width, height: info.height, rgba: new Uint8Array(data) } });
    expect(perception.width).toBe(info.width);
    const words = perception.elements.flatMap((e) => e.text.toLowerCase().split(/\s+/)).filter((w) => w.length > 2);
    // The page draws the words of its own instruction; perception must read some of them.
    expect(words.filter((w) => t.instruction.toLowerCase().includes(w)).length, JSON.stringify({ instruction: t.instruction, words })).toBeGreaterThan(0);
  }, 30_000);

  it('runs a task on this display, streaming each step as it happens', async () => {
    const t = task('click_button', 7);
    open = await openTask(t);
    const steps: RunStep[] = [];
    const run = client.run({ type: 'run', instruction: t.instruction, model: 'auto', policy: 'permissive', maxSteps: 5 }, { onStep: (s) => steps.push(s), onQuestion: async () => 'deny' });
    const result = await run.done;
    expect(result.status, JSON.stringify(steps.map((s) => [s.actionText, s.outcome]))).toBe('finished');
    expect(await open.check()).toBe(true);
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(steps[0]!.outcome.status).toBe('performed');
    expect(steps[0]!.thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(steps[0]!.frame).toEqual({ width: 1280, height: 800 });
  }, 40_000);

  it('asks the person through the app session under the strict policy and acts on the answer', async () => {
    const t = task('click_button', 7);
    open = await openTask(t);
    const { agent, settings } = assemble(createAgentRunner(new HostAgentCore(client, 5)));
    settings.update({ policy: 'strict' });
    agent.submit(t.instruction);
    for (let i = 0; i < 400 && agent.snapshot().approvals.length === 0 && agent.running; i++) await new Promise((r) => setTimeout(r, 25));
    const [question] = agent.snapshot().approvals;
    expect(question?.action.type, JSON.stringify(agent.snapshot().state)).toBe('click');
    expect(question!.reasons.join(' ')).toMatch(/strict/);
    // Nothing happens before the person answers.
    expect(await open.check()).toBe(false);
    agent.answer({ requestId: question!.requestId, answer: 'approve' });
    // The next question (the model's `finished` needs none) would mean the click was not taken.
    for (let i = 0; i < 400 && agent.running; i++) {
      const next = agent.snapshot().approvals[0];
      if (next) agent.answer({ requestId: next.requestId, answer: 'deny' });
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(agent.snapshot().state.status).toBe('finished');
    expect(await open.check()).toBe(true);
    const [first] = agent.snapshot().steps;
    expect(StepEvent.parse(first)).toEqual(first);
    expect(first!.outcome).toEqual({ status: 'performed', approvedBy: 'user' });
  }, 40_000);

  it('ends a run promptly on stop, holding no key or button', async () => {
    const t = task('type_field', 8);
    open = await openTask(t);
    let stoppedAt = 0;
    const steps: RunStep[] = [];
    const run = client.run(
      { type: 'run', instruction: t.instruction, model: 'auto', policy: 'permissive', maxSteps: 10 },
      {
        onStep: (s) => {
          steps.push(s);
          if (stoppedAt) return;
          stoppedAt = performance.now();
          run.stop();
        },
        onQuestion: async () => 'deny',
      },
    );
    const result = await run.done;
    expect(result.status).toBe('stopped');
    expect(result.steps).toBeLessThanOrEqual(2);
    expect(performance.now() - stoppedAt).toBeLessThan(3000);
    expect(heldInX()).toEqual([]);
    // The host is free for the next command.
    expect((await client.ping()).pid).toBeGreaterThan(0);
  }, 40_000);
});
