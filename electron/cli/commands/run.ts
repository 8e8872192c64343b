import { parseArgs } from 'node:util';
import { badInput } from '../../../engine/errors.ts';
import { Perceiver } from '../../../engine/perception/perceiver.ts';
import { type AgentResult, runAgent, type StepEvent } from '../../core/agentLoop.ts';
import { captureScreen } from '../../core/capture.ts';
import { loadPolicy } from '../../core/agentLoopPolicy.ts';
import { checkDisplay } from '../../core/display.ts';
import { ExecutorClient } from '../../core/executorClient.ts';
import { type Command, err, out } from '../command.ts';

const usage = `Usage: operant run "<instruction>" [--max-steps N] [--policy P] [--display D] [--model M] [--json]

Runs the agent on the current display until the task is finished: it reads the screen, decides,
and acts through the sandboxed executor.

  --max-steps N      give up after N actions (default 15)
  --policy P         executor policy: strict, standard (default), permissive, or a policy file
  --display D        X display to work on (default $DISPLAY)
  --model M          embedded (default: the local action model) or endpoint:<url> for an
                     OpenAI-compatible server with a UI-TARS-style model
  --endpoint-model   the model name the endpoint serves (default ui-tars)
  --coordinates C    how the endpoint model writes points: image (UI-TARS 1.5, default),
                     relative (0-1000, UI-TARS 1.0) or pixels
  --json             one JSON line per step (what it saw, the action, the decision, the
                     outcome, timings) and a final line {"final":true,"status",…}
Exit codes: 0 finished, 2 gave up or called the user (or bad input), 3 denied by policy, 1 error.
The API key for an endpoint, if it needs one, comes from OPERANT_ENDPOINT_KEY.`;

const EXIT: Record<AgentResult['status'], number> = { finished: 0, call_user: 2, max_steps: 2, loop: 2, stopped: 2, denied: 3, failed: 1 };

function humanStep(s: StepEvent): string {
  const t = s.timings;
  return `step ${s.index + 1}: ${s.actionText}  [${s.outcome.status}${s.outcome.reason ? `: ${s.outcome.reason}` : ''}]  confidence ${s.decision.confidence}  (capture ${t.capture} ms, perceive ${t.perceive} ms, decide ${t.decide} ms, act ${t.act} ms)`;
}

export const run: Command = {
  name: 'run',
  summary: 'carry out an instruction on the screen with the local action model',
  usage,
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'max-steps': { type: 'string', default: '15' },
        policy: { type: 'string', default: 'standard' },
        display: { type: 'string' },
        model: { type: 'string', default: 'embedded' },
        'endpoint-model': { type: 'string' },
        coordinates: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const instruction = positionals.join(' ').trim();
    if (!instruction) throw badInput(`say what to do, e.g. operant run "click Save"\n${usage}`);
    const maxSteps = Number(values['max-steps']);
    if (!Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > 200) throw badInput(`--max-steps must be a whole number from 1 to 200, got "${values['max-steps']}"`);
    const p = values.policy!;
    const policyChoice = p === 'strict' || p === 'standard' || p === 'permissive' ? p : { file: p };
    const { display } = checkDisplay(values.display ?? process.env.DISPLAY);
    process.env.DISPLAY = display;

    const policy = await loadPolicy({ model: values.model, endpointModel: values['endpoint-model'], coordinates: values.coordinates, apiKey: process.env.OPERANT_ENDPOINT_KEY });
    const perceiver = await Perceiver.create();
    const executor = await ExecutorClient.start({ policy: policyChoice, display });
    const abort = new AbortController();
    const onSignal = () => {
      abort.abort();
      void executor.stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const result = await runAgent(
        { capture: () => captureScreen({ display }), perceive: (f, o) => perceiver.perceive(f, o), policy, executor },
        { instruction, maxSteps, signal: abort.signal, onStep: (s) => out(values.json ? JSON.stringify(s) : humanStep(s)) },
      );
      if (values.json) out(JSON.stringify({ final: true, ...result }));
      else (result.status === 'finished' ? out : err)(`${result.status}${result.reason ? `: ${result.reason}` : ''} after ${result.steps} step(s), ${(result.ms / 1000).toFixed(1)} s`);
      return EXIT[result.status];
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await executor.close();
      await perceiver.dispose();
      await policy.close();
    }
  },
};
