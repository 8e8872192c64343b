// A policy that asks a large vision-language model behind an OpenAI-compatible endpoint (vLLM,
// llama.cpp server, LM Studio, Ollama…) serving a UI-TARS-style model. It sends the screenshot
// and the instruction, reads back `Thought: …\nAction: …` in the UI-TARS grammar, and maps the
// coordinates to screen pixels in the mode the model uses.
import sharp from 'sharp';
import { OperantError } from '../errors.ts';
import { smartResize } from './imageSize.ts';
import type { Decision, Policy, PolicyAction, PolicyInput } from './types.ts';

/** What a model's numbers mean: 0–1000 of the screen (UI-TARS 1.0), pixels of the resized image (1.5), or screen pixels. */
export type EndpointCoordinates = 'relative' | 'image' | 'pixels';

export interface EndpointConfig {
  baseUrl: string;
  model: string;
  apiKey?: string;
  coordinates: EndpointCoordinates;
  timeoutMs?: number;
  maxTokens?: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Parses a reply into one action in screen pixels (the UI-TARS grammar lives in electron/shared). */
export type ReplyParser = (reply: string, mode: { coordinates: EndpointCoordinates; screen: Size; image: Size }) => { thought?: string; action: PolicyAction };

export const UI_TARS_PROMPT = `You are a GUI agent. You are given a task and your action history, with screenshots. You need to perform the next action to complete the task.

## Output Format
\`\`\`
Thought: ...
Action: ...
\`\`\`

## Action Space
click(start_box='<|box_start|>(x1,y1)<|box_end|>')
left_double(start_box='<|box_start|>(x1,y1)<|box_end|>')
right_single(start_box='<|box_start|>(x1,y1)<|box_end|>')
drag(start_box='<|box_start|>(x1,y1)<|box_end|>', end_box='<|box_start|>(x3,y3)<|box_end|>')
hotkey(key='ctrl c') # Split keys with a space and use lowercase. Do not use more than 3 keys in one hotkey action.
type(content='xxx') # Escape \\', \\" and \\n in content. To submit your input, end content with \\n.
scroll(start_box='<|box_start|>(x1,y1)<|box_end|>', direction='down or up or right or left')
wait() # Sleep for 5s and take a screenshot to check for any changes.
finished(content='xxx')
call_user() # Call the user when the task is unsolvable, or when you need the user's help.

## Note
- Use English in the \`Thought\` part.
- Write a small plan and finally summarize your next action (with its target element) in one sentence in the \`Thought\` part.

## User Instruction
`;

export class EndpointPolicy implements Policy {
  readonly name: string;
  private readonly replies: string[] = [];

  constructor(
    private readonly cfg: EndpointConfig,
    private readonly parse: ReplyParser,
  ) {
    try {
      new URL(cfg.baseUrl);
    } catch {
      throw new OperantError(`endpoint URL "${cfg.baseUrl}" is not a URL: use e.g. endpoint:http://localhost:8000/v1`, 2);
    }
    this.name = `endpoint:${cfg.model}`;
  }

  async decide(input: PolicyInput, signal?: AbortSignal): Promise<Decision> {
    const t0 = performance.now();
    if (!input.screenshot) throw new OperantError('the endpoint policy needs the screenshot, and none was given', 1);
    const shot = await input.screenshot();
    const screen = { width: shot.width, height: shot.height };
    // Send the image at the size the model will resize it to, so its pixel coordinates are ours.
    const image = this.cfg.coordinates === 'image' ? smartResize(shot.width, shot.height) : screen;
    const png = image.width === shot.width && image.height === shot.height ? shot.png : await sharp(shot.png).resize(image.width, image.height, { fit: 'fill' }).png().toBuffer();
    const reply = await this.complete(input.instruction, png, signal);
    this.replies.push(reply);
    const { thought, action } = this.parse(reply, { coordinates: this.cfg.coordinates, screen, image });
    return { action, confidence: 1, ...(thought ? { thought } : {}), ms: performance.now() - t0 };
  }

  private async complete(instruction: string, png: Buffer, signal?: AbortSignal): Promise<string> {
    // Earlier replies go back as the assistant's turns, as UI-TARS was trained (only the latest screenshot is sent).
    const messages = [
      { role: 'user', content: `${UI_TARS_PROMPT}${instruction}` },
      ...this.replies.map((r) => ({ role: 'assistant', content: r })),
      { role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } }] },
    ];
    const url = `${this.cfg.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const timeout = AbortSignal.timeout(this.cfg.timeoutMs ?? 120_000);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.cfg.apiKey ? { authorization: `Bearer ${this.cfg.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.cfg.model, messages, temperature: 0, max_tokens: this.cfg.maxTokens ?? 512 }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new OperantError(`cannot reach the model endpoint ${url}: ${(e as Error).message}; check that the server runs and the URL ends in /v1`, 1);
    }
    const body = await res.text();
    if (!res.ok) throw new OperantError(`the model endpoint ${url} answered ${res.status}: ${body.slice(0, 300)}; check the model name ("${this.cfg.model}") and the API key`, 1);
    let content: unknown;
    try {
      content = (JSON.parse(body) as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message?.content;
    } catch {
      content = undefined;
    }
    if (typeof content !== 'string') throw new OperantError(`the model endpoint ${url} sent no choices[0].message.content: ${body.slice(0, 300)}`, 1);
    return content;
  }

  async close(): Promise<void> {}
}
