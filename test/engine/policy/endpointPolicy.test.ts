// The endpoint adapter against a local OpenAI-compatible HTTP server (a stand-in for a UI-TARS
// server, which cannot run on this machine): request shape, image size, coordinate mapping.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndpointPolicy } from '../../../engine/policy/endpointPolicy.ts';
import { smartResize } from '../../../engine/policy/imageSize.ts';
import { uiTarsParser } from '../../../electron/core/agentLoopPolicy.ts';
import type { PolicyInput } from '../../../engine/policy/types.ts';

interface Seen {
  body: { model: string; messages: Array<{ role: string; content: unknown }> };
  auth?: string;
}

let server: http.Server;
let base = '';
const seen: Seen[] = [];
let reply = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      seen.push({ body: JSON.parse(data), auth: req.headers.authorization });
      if (req.url !== '/v1/chat/completions') {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function input(): Promise<PolicyInput> {
  const png = await sharp({ create: { width: 1280, height: 800, channels: 3, background: '#fff' } }).png().toBuffer();
  return { instruction: 'click OK', perception: { width: 1280, height: 800, elements: [], timings: {} }, history: [], screenshot: async () => ({ png, width: 1280, height: 800 }) };
}

describe('OpenAI-compatible endpoint policy (UI-TARS grammar)', () => {
  it('sends the instruction and the screenshot resized as the model resizes it, and maps image pixels back to the screen', async () => {
    const size = smartResize(1280, 800);
    expect(size).toEqual({ width: 1288, height: 812 });
    reply = "Thought: The OK button is in the middle.\nAction: click(start_box='<|box_start|>(644,406)<|box_end|>')";
    const p = new EndpointPolicy({ baseUrl: base, model: 'ui-tars-1.5-7b', coordinates: 'image', apiKey: 'k1' }, uiTarsParser);
    const d = await p.decide(await input());
    expect(d.action).toEqual({ type: 'click', at: { x: 640, y: 400 } });
    expect(d.thought).toBe('The OK button is in the middle.');
    const req = seen.at(-1)!;
    expect(req.body.model).toBe('ui-tars-1.5-7b');
    expect(req.auth).toBe('Bearer k1');
    expect(JSON.stringify(req.body.messages[0])).toContain('click OK');
    const image = (req.body.messages.at(-1)!.content as Array<{ image_url: { url: string } }>)[0]!.image_url.url;
    const meta = await sharp(Buffer.from(image.replace(/^data:image\/png;base64,/, ''), 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([1288, 812]);
  });

  it('reads the 0-1000 relative mode of UI-TARS 1.0, boxes included, and keeps earlier replies as history', async () => {
    const p = new EndpointPolicy({ baseUrl: base, model: 'ui-tars-7b', coordinates: 'relative' }, uiTarsParser);
    reply = "Action: click(start_box='[250, 500, 350, 600]')";
    expect((await p.decide(await input())).action).toEqual({ type: 'click', at: { x: 384, y: 440 } });
    reply = "Action: type(content='hello\\n')";
    expect((await p.decide(await input())).action).toEqual({ type: 'type', text: 'hello\n' });
    expect(seen.at(-1)!.body.messages.filter((m) => m.role === 'assistant')).toHaveLength(1);
  });

  it('says what to check when the server answers an error or garbage', async () => {
    const wrong = new EndpointPolicy({ baseUrl: `${base}/nope`, model: 'm', coordinates: 'pixels' }, uiTarsParser);
    await expect(wrong.decide(await input())).rejects.toThrow(/answered 404.*model name/);
    reply = 'I think you should click somewhere';
    const p = new EndpointPolicy({ baseUrl: base, model: 'm', coordinates: 'pixels' }, uiTarsParser);
    await expect(p.decide(await input())).rejects.toThrow();
    expect(() => new EndpointPolicy({ baseUrl: 'not a url', model: 'm', coordinates: 'pixels' }, uiTarsParser)).toThrow(/endpoint:http/);
  });
});
