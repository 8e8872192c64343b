// `operant perceive` end to end: a real child process, real images, real models.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../models/registry.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'operant-perceive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const operant = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/operant.js'), 'perceive', ...args], { env: { ...env, OPERANT_THREADS: '1' }, encoding: 'utf8', timeout: 120_000 });

async function screenshot(name: string, label: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="#fff"/><text x="16" y="40" font-family="DejaVu Sans" font-size="15" fill="#111">${label}</text></svg>`;
  const file = path.join(dir, name);
  await sharp(Buffer.from(svg)).png().toFile(file);
  return file;
}

/** A PNG that claims `w`×`h` in its header and holds almost no pixel data: enough for a size check. */
function pngHeader(w: number, h: number) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

function crc32(buf: Buffer) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('operant perceive', () => {
  it('prints the elements of an image as JSON with boxes in its pixels', async () => {
    const r = operant([await screenshot('a.png', 'Download the monthly report'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(Object.keys(p)).toEqual(['width', 'height', 'elements', 'timings']);
    expect([p.width, p.height]).toEqual([400, 100]);
    expect(p.elements.map((e: { text: string }) => e.text)).toEqual(['Download', 'the', 'monthly', 'report']);
    for (const e of p.elements) {
      expect(Object.keys(e)).toEqual(['id', 'kind', 'text', 'box', 'confidence']);
      expect(e.box[0] + e.box[2]).toBeLessThanOrEqual(400);
    }
  });

  it('perceives a frame incrementally after --previous', async () => {
    const before = await screenshot('b1.png', 'Download the monthly report');
    const after = await screenshot('b2.png', 'Download the yearly report');
    const r = operant([after, '--previous', before, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.elements.map((e: { text: string }) => e.text)).toEqual(['Download', 'the', 'yearly', 'report']);
    expect(p.timings.dirtyTiles).toBeLessThan(p.timings.tiles);
  });

  it('gives one clear error and exit code 2 for each bad input', async () => {
    const notImage = path.join(dir, 'notes.png');
    writeFileSync(notImage, 'this is text, not pixels');
    const huge = path.join(dir, 'huge.png');
    writeFileSync(huge, pngHeader(16384, 16384));
    const empty = path.join(dir, 'empty.png');
    writeFileSync(empty, pngHeader(0, 0));
    const cases: [string[], RegExp, NodeJS.ProcessEnv?][] = [
      [[notImage], /is not an image/],
      [[path.join(dir, 'missing.png')], /no such file/],
      [[huge], /16384×16384, larger than 8192 px on a side: downscale it/],
      [[empty], /not an image|at least one pixel/],
      [['--screen'], /no display/, { ...process.env, DISPLAY: '' }],
    ];
    for (const [args, message, env] of cases) {
      const r = operant(args, env);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('operant perceive:'))).toHaveLength(1);
    }
  });
});
