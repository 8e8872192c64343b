// The wiring between the app and the agent core: the one module that will import the agent loop
// (electron/core/agentLoop.ts) and the executor client (electron/core/executorClient.ts) and
// adapt them to AgentRunner. Neither is on main yet, so this build has no runner, and submitting
// a command answers AGENT_UNAVAILABLE instead of pretending to act.
//
// When they land, createAgentRunner returns a runner that:
//   1. starts `ExecutorClient.start({ policy: req.settings.policy, approve: req.approve })`;
//   2. runs the agent loop on `req.command` with `req.signal`, the chosen model, and the client;
//   3. maps each loop step {index, thumbnail, action, actionText, decision, outcome, timings}
//      to the IPC StepEvent and passes it to `req.onStep`;
//   4. on abort calls `client.stop()` (releases held keys and buttons), and always `client.close()`.
import type { AgentRunner } from './agentSession.ts';

export const AGENT_UNAVAILABLE =
  'this build cannot act on commands yet: the agent loop and the executor (electron/core/agentLoop.ts, electron/core/executorClient.ts) are not part of it. Run `npx operant --help` to see what works today.';

export function createAgentRunner(): AgentRunner | undefined {
  return undefined;
}
