// The agent core inside the engine host: perception, the policy and the executor client, loaded
// on first use and kept for the host's life (loading the models costs more than a step). One run
// at a time; its steps and approval questions go to the parent as they happen, and the parent's
// answers and stop come back as control messages.
import { OperantError } from '../../engine/errors.ts';
import { Perceiver } from '../../engine/perception/perceiver.ts';
import { ACTION_MODEL_ID } from '../../engine/policy/actionModel.ts';
import type { Policy } from '../../engine/policy/types.ts';
import { runAgent } from '../core/agentLoop.ts';
import { loadPolicy } from '../core/agentLoopPolicy.ts';
import { captureScreen, type Frame } from '../core/capture.ts';
import { checkDisplay } from '../core/display.ts';
import { type ApprovalAnswer, ExecutorClient } from '../core/executorClient.ts';
import type { HostControl, HostEvent, HostRequest, RunOutcome } from './protocol.ts';
import { toStepEvent } from './stepEvent.ts';

type RunRequest = Extract<HostRequest, { type: 'run' }>;

let perceiver: Promise<Perceiver> | undefined;
const policies = new Map<string, Promise<Policy>>();

/** Loads once; a load that failed is retried next time instead of failing forever. */
function once<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
  const p = load();
  p.catch(forget);
  return p;
}

export function sharedPerceiver(): Promise<Perceiver> {
  perceiver ??= once(() => Perceiver.create(), () => (perceiver = undefined));
  return perceiver;
}

/** Settings say `auto` or a registry id; the embedded action model is the one installed today. */
function policySpec(model: string): string {
  if (model === 'auto' || model === ACTION_MODEL_ID || model === 'embedded') return 'embedded';
  if (model.startsWith('endpoint:')) return model;
  throw new OperantError(`the model "${model}" is not one the agent can run: choose "auto" or "${ACTION_MODEL_ID}" in Settings, or endpoint:<url> for a UI-TARS server`, 2);
}

function sharedPolicy(model: string): Promise<Policy> {
  const spec = policySpec(model);
  let p = policies.get(spec);
  if (!p) {
    p = once(() => loadPolicy({ model: spec, apiKey: process.env.OPERANT_ENDPOINT_KEY }), () => policies.delete(spec));
    policies.set(spec, p);
  }
  return p;
}

interface ActiveRun {
  abort: AbortController;
  executor?: ExecutorClient;
  questions: Map<number, (a: ApprovalAnswer) => void>;
}

const runs = new Map<number, ActiveRun>();

/** A stop or an approval answer from the parent; one for a run that already ended is dropped. */
export function control(msg: HostControl): void {
  const run = runs.get(msg.run);
  if (!run) return;
  if (msg.type === 'answer') {
    run.questions.get(msg.question)?.(msg.answer);
    run.questions.delete(msg.question);
    return;
  }
  run.abort.abort();
  // Releases held keys and buttons at once; the loop then sees the aborted signal.
  void run.executor?.stop();
  for (const answer of run.questions.values()) answer('deny');
  run.questions.clear();
}

export async function runTask(req: RunRequest, emit: (e: HostEvent) => void): Promise<RunOutcome> {
  if (runs.size) throw new OperantError('the engine host is already running a command: stop it first', 2);
  const run: ActiveRun = { abort: new AbortController(), questions: new Map() };
  runs.set(req.id, run);
  let nextQuestion = 0;
  try {
    const { display } = checkDisplay(req.display ?? process.env.DISPLAY);
    const [policy, perception] = await Promise.all([sharedPolicy(req.model), sharedPerceiver()]);
    if (run.abort.signal.aborted) return { status: 'stopped', steps: 0, reason: 'stopped by the user', ms: 0 };
    run.executor = await ExecutorClient.start({
      policy: req.policy,
      display,
      approve: (request) =>
        new Promise((resolve) => {
          if (run.abort.signal.aborted) return resolve('deny');
          const question = nextQuestion++;
          run.questions.set(question, resolve);
          emit({ type: 'question', run: req.id, question, request });
        }),
    });
    if (run.abort.signal.aborted) return { status: 'stopped', steps: 0, reason: 'stopped by the user', ms: 0 };
    // Each run starts from a full read of the screen, not from the last run's tiles.
    perception.reset();
    let size: Pick<Frame, 'width' | 'height'> | undefined;
    const capture = async () => {
      const f = await captureScreen({ display });
      size = { width: f.width, height: f.height };
      return f;
    };
    return await runAgent(
      { capture, perceive: (f, o) => perception.perceive(f, o), policy, executor: run.executor },
      {
        instruction: req.instruction,
        maxSteps: req.maxSteps,
        signal: run.abort.signal,
        thumbnails: true,
        onStep: (s) => emit({ type: 'step', run: req.id, step: toStepEvent({ ...s, ...(size ? { frame: size } : {}) }) }),
      },
    );
  } finally {
    runs.delete(req.id);
    for (const answer of run.questions.values()) answer('deny');
    await run.executor?.close();
  }
}
