// Runs one task episode and records every state with the expert's label. With a learned policy
// it is DAgger: the policy acts (with probability 1 - beta), the expert labels, so the data holds
// the states the policy itself gets into and how to recover from them.
import type { Perception } from '../../engine/perception/types.ts';
import { rememberStep } from '../../engine/policy/elementMemory.ts';
import { extractFeatures } from '../../engine/policy/features.ts';
import type { Policy, PolicyAction, StepMemory } from '../../engine/policy/types.ts';
import type { Vocabulary } from '../../engine/policy/vocabularyFile.ts';
import type { ExpertStep } from './expertStep.ts';
import { type Label, labelStep } from './label.ts';
import type { Rng } from './sim/random.ts';

/** A task being run: what the agent sees, what the expert would do, and acting on it. */
export interface Episode {
  family: string;
  instruction: string;
  /** Other instructions for the same goal (the family's other phrasings): extra training samples from each screen. */
  alternatives?: string[];
  observe(): Promise<Perception>;
  expert(): Promise<ExpertStep | null>;
  /** Performs the action; true when the screen changed. */
  act(action: PolicyAction): Promise<boolean>;
  check(): Promise<boolean>;
  close(): Promise<void>;
}

export interface Sample {
  family: string;
  tokens: string[];
  /** Word-vector keys of the tokens (the trainer looks their vectors up in the same table). */
  words: string[];
  T: number;
  E: number;
  tokenFeatures: number[];
  elementFeatures: number[];
  /** Indices of the ones in the (E, T, channels) match tensor: it is 0/1 and sparse. */
  match: number[];
  glob: number[];
  keyMention: number[];
  label: Label;
}

export function expertAction(step: ExpertStep): PolicyAction {
  switch (step.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      return { type: step.type, at: { x: step.x, y: step.y } };
    case 'scroll':
      return { type: 'scroll', at: { x: step.x, y: step.y }, direction: step.direction, amount: step.amount };
    case 'drag':
      return { type: 'drag', from: step.from, to: step.to };
    case 'type':
      return { type: 'type', text: step.text };
    case 'hotkey':
      return { type: 'hotkey', keys: step.keys };
    case 'finished':
      return { type: 'finished' };
  }
}

const round = (a: ArrayLike<number>) => Array.from(a, (v) => Math.round(v * 1000) / 1000);

function toSample(family: string, f: ReturnType<typeof extractFeatures>, label: Label): Sample {
  const match: number[] = [];
  f.match.forEach((v, i) => v && match.push(i));
  return {
    family,
    tokens: f.tokens.map((t) => t.norm),
    words: f.wordKeys,
    T: f.tokens.length,
    E: f.elements.length,
    tokenFeatures: round(f.tokenFeatures),
    elementFeatures: round(f.elementFeatures),
    match,
    glob: round(f.globalFeatures),
    keyMention: Array.from(f.keyMentions),
    label,
  };
}

export interface RunResult {
  samples: Sample[];
  success: boolean;
  steps: number;
  /** Milliseconds per step spent perceiving (observe) and deciding (the learned policy only). */
  observeMs: number[];
  decideMs: number[];
  /** Why the task's world broke mid-episode, if it did. */
  broken?: string;
}

/** The task's world broke under the episode (the agent closed the browser window, say): not a bug. */
export class EpisodeBroken extends Error {}

const world = <T>(p: Promise<T>): Promise<T> => p.catch((e: unknown) => {
  throw new EpisodeBroken((e as Error).message.split('\n')[0]);
});

/**
 * Runs an episode to the end; `policy` acts with probability 1 - beta, else the expert does. When
 * the world breaks (`broken`), the states labelled before that are kept and the episode failed.
 * With `paraphrases`, each labelled state is also labelled under that many of the episode's other
 * phrasings: the screen, history and expert step are the same, the words differ.
 */
export async function runEpisode(ep: Episode, opts: { vocab: Vocabulary; rng: Rng; policy?: Policy; beta?: number; maxSteps?: number; paraphrases?: number }): Promise<RunResult> {
  const history: StepMemory[] = [];
  const samples: Sample[] = [];
  let previous: Perception | undefined;
  const maxSteps = opts.maxSteps ?? 12;
  const observeMs: number[] = [];
  const decideMs: number[] = [];
  try {
    for (let step = 0; step < maxSteps; step++) {
      const t0 = performance.now();
      const perception = await world(ep.observe());
      observeMs.push(performance.now() - t0);
      const expert = await world(ep.expert());
      if (expert) {
        for (const instruction of [ep.instruction, ...opts.rng.sample(ep.alternatives ?? [], opts.paraphrases ?? 0)]) {
          const f = extractFeatures(opts.vocab, instruction, perception, history, previous);
          samples.push(toSample(ep.family, f, labelStep(expert, f.elements, instruction, f.tokens)));
        }
      }
      let action: PolicyAction;
      if (opts.policy && !opts.rng.chance(opts.beta ?? 0)) {
        const decision = await opts.policy.decide({ instruction: ep.instruction, perception, previous, history });
        decideMs.push(decision.ms);
        action = decision.action;
      } else if (expert) action = expertAction(expert);
      else break;
      if (action.type === 'finished' || action.type === 'call_user') break;
      const changed = await world(ep.act(action));
      history.push(rememberStep(action, changed, perception, history));
      previous = perception;
    }
    return { samples, success: await world(ep.check()), steps: history.length, observeMs, decideMs };
  } catch (e) {
    if (!(e instanceof EpisodeBroken)) throw e;
    return { samples, success: false, steps: history.length, observeMs, decideMs, broken: e.message };
  }
}
