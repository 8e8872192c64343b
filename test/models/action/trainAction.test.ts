// `npm run train:action` end to end at smoke size: synthetic data and rendered tasks (in two
// worker processes on their own Xvfb), two training rounds with DAgger between them, ONNX export
// and a closed-loop evaluation, into a scratch directory.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ActionModel } from '../../../engine/policy/actionModel.ts';
import { actionModelFiles } from '../../../models/action/writeManifest.ts';

const run = promisify(execFile);

describe('train:action', () => {
  it('generates, trains, runs DAgger, exports int8 ONNX and evaluates, from a seed', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'operant-train-'));
    const env = {
      ...process.env, ACTION_OUT: out, ACTION_TORCH_THREADS: '1', ACTION_SIM_EPISODES: '120', ACTION_TASK_EPISODES: '2', ACTION_SHARDS: '2', ACTION_DAGGER_SIM: '40',
      ACTION_DAGGER_TASKS: '0', ACTION_EPOCHS: '2', ACTION_DAGGER_EPOCHS: '2', ACTION_EVAL_SIM: '20', ACTION_EVAL_TASKS: '0',
    };
    await run(process.execPath, ['--import', 'tsx', 'models/action/trainAction.ts'], { env, maxBuffer: 1 << 24 });
    for (const f of ['action-policy.onnx', 'vocab.json', 'train-report.json', 'eval-report.json']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, 'eval-report.json'), 'utf8'));
    expect(report.evaluation.sim.episodes).toBe(20);
    // Both workers' rendered tasks made it into the data, each with the expert's labelled states.
    const rendered = readFileSync(path.join(out, '.work', 'tasks0.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).family);
    expect(new Set(rendered)).toEqual(new Set(['click_button', 'click_link']));
    expect(report.training.val_int8.type).toBeGreaterThan(0);
    const model = await ActionModel.load(actionModelFiles(out));
    await model.close();
  }, 300_000);
});
