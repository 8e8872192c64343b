// Chooses the agent's policy: the embedded action model (default, offline) or a UI-TARS-style
// model behind an OpenAI-compatible endpoint (`endpoint:<url>`), whose replies are parsed with
// the shared UI-TARS grammar and mapped to screen pixels.
import { OperantError } from '../../engine/errors.ts';
import { ACTION_MODEL_ID, ActionModel } from '../../engine/policy/actionModel.ts';
import { type EndpointCoordinates, EndpointPolicy, type ReplyParser } from '../../engine/policy/endpointPolicy.ts';
import type { Policy, PolicyAction } from '../../engine/policy/types.ts';
import { modelFiles } from '../../models/registry.ts';
import type { Action } from '../shared/actions.ts';
import { type CoordinateMode, parseReply } from '../shared/grammar.ts';

/** The shared Action (screen pixels) as the policy's own action type. */
export function fromAction(a: Action): PolicyAction {
  const p = (q: { x: number; y: number }) => ({ x: q.x, y: q.y });
  switch (a.type) {
    case 'click':
    case 'double_click':
    case 'right_click':
      return { type: a.type, at: p(a.at) };
    case 'drag':
      return { type: 'drag', from: p(a.from), to: p(a.to) };
    case 'scroll':
      return { type: 'scroll', direction: a.direction, amount: a.amount, ...(a.at ? { at: p(a.at) } : {}) };
    case 'type':
    case 'hotkey':
    case 'wait':
    case 'finished':
    case 'call_user':
      return a;
    default:
      throw new OperantError(`the model asked for "${a.type}", which the agent does not let a model do`, 1);
  }
}

export const uiTarsParser: ReplyParser = (reply, { coordinates, screen, image }) => {
  const mode: CoordinateMode = coordinates === 'relative' ? { space: 'relative', screen } : coordinates === 'image' ? { space: 'image', image, screen } : { space: 'pixels' };
  const parsed = parseReply(reply, { coordinates: mode });
  // One action per step: the loop looks again before the next one.
  return { ...(parsed.thought ? { thought: parsed.thought } : {}), action: fromAction(parsed.actions[0]!) };
};

export interface PolicySpec {
  /** `embedded` or `endpoint:<base url>`. */
  model?: string;
  endpointModel?: string;
  coordinates?: string;
  apiKey?: string;
}

export async function loadPolicy(spec: PolicySpec): Promise<Policy> {
  const model = spec.model ?? 'embedded';
  if (model === 'embedded') {
    const files = await modelFiles(ACTION_MODEL_ID);
    return ActionModel.load(files);
  }
  if (model.startsWith('endpoint:')) {
    const coordinates = (spec.coordinates ?? 'image') as EndpointCoordinates;
    if (!['relative', 'image', 'pixels'].includes(coordinates)) throw new OperantError(`--coordinates must be relative (0-1000, UI-TARS 1.0), image (resized-image pixels, UI-TARS 1.5) or pixels; got "${spec.coordinates}"`, 2);
    return new EndpointPolicy({ baseUrl: model.slice('endpoint:'.length), model: spec.endpointModel ?? 'ui-tars', coordinates, apiKey: spec.apiKey }, uiTarsParser);
  }
  throw new OperantError(`unknown model "${model}": use "embedded" or "endpoint:<url>" (e.g. endpoint:http://localhost:8000/v1)`, 2);
}
