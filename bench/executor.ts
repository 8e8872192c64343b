// `npm run bench -- executor`: latency from action text to performed input, typing throughput as
// a real Chromium page receives it, stop-switch latency, and a large fuzz run. Everything runs
// on a sandbox Xvfb display, so the benchmark never touches the desktop it is started from.
// Ratios compare against baselines measured in the same run: the dry-run executor (the same
// process, protocol, policy and audit log, without input) and unpaced typing.
import { ExecutorClient } from '../electron/core/executorClient.ts';
import { parseReply } from '../electron/shared/grammar.ts';
import { openTestPage } from '../test/electron/executor/testPage.ts';
import { runFuzz } from '../test/electron/executor/fuzzRunner.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const auditDir = mkdtempSync(join(tmpdir(), 'operant-bench-'));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Text → parse → executor process → policy → audit log (fsync) → input, n times. */
async function latency(client: ExecutorClient, n: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const text = `click(start_box='(${1100 + (i % 50)},${700 + (i % 30)})')`;
    const t0 = performance.now();
    const [action] = parseReply(text).actions;
    const outcome = await client.perform(action!);
    ms.push(performance.now() - t0);
    if (outcome.status !== 'performed' && outcome.status !== 'dry_run') throw new Error(`bench action ${outcome.status}: ${outcome.reason}`);
  }
  return ms;
}

export default async function bench() {
  const n = 200;
  const dry = await ExecutorClient.start({ policy: 'permissive', dryRun: true, auditDir });
  const dryMs = await latency(dry, n);
  await dry.close();

  const client = await ExecutorClient.start({ policy: 'permissive', sandbox: true, auditDir, screenHashes: false });
  const hashed = await ExecutorClient.start({ policy: 'permissive', display: client.display, auditDir, screenHashes: true });
  const realMs = await latency(client, n);
  const hashedMs = await latency(hashed, 50);
  await hashed.close();
  await client.close();

  // Typing and stopping, read back from a Chromium page on the sandbox display.
  const typing: Record<string, { sentCharsPerS?: number; receivedCharsPerS: number }> = {};
  const stopMs: number[] = [];
  let stopsByKill = 0;
  const text = Array.from({ length: 1000 }, (_, i) => 'aB!c"D e?F'[i % 10]).join('');
  for (const rate of [300, 0]) {
    const typer = await ExecutorClient.start({ policy: 'permissive', sandbox: true, auditDir, typingRate: rate, screenHashes: false });
    const tp = await openTestPage(async (x, y) => void (await typer.perform({ type: 'move', at: { x, y } })), typer.display);
    const value = () => tp.page.$eval('#ta', (e) => (e as HTMLTextAreaElement).value.length);
    await typer.perform({ type: 'click', at: tp.screen(550, 100) });
    const t0 = performance.now();
    await typer.perform({ type: 'type', text });
    const sent = performance.now() - t0;
    while ((await value()) < text.length && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 10));
    const received = performance.now() - t0;
    typing[rate ? `paced_${rate}` : 'unpaced'] = { sentCharsPerS: round((text.length * 1000) / sent, 0), receivedCharsPerS: round((text.length * 1000) / received, 0) };
    if (rate) {
      // Non-ASCII goes through borrowed keycodes (xmodmap + xdotool): much slower, measured apart.
      const foreign = 'Été naïve 日本語 €5 ✓ αβγδ АБВГ 🙂 '.repeat(4);
      await tp.page.$eval('#ta', (e) => ((e as HTMLTextAreaElement).value = ''));
      const u0 = performance.now();
      await typer.perform({ type: 'type', text: foreign });
      while ((await tp.page.$eval('#ta', (e) => (e as HTMLTextAreaElement).value)) !== foreign && performance.now() - u0 < 60_000) await new Promise((r) => setTimeout(r, 10));
      typing.nonAscii = { receivedCharsPerS: round(([...foreign].length * 1000) / (performance.now() - u0), 0) };
      for (let i = 0; i < 10; i++) {
        const typingLong = typer.perform({ type: 'type', text: text + text });
        await new Promise((r) => setTimeout(r, 150 + i * 10));
        const s0 = performance.now();
        await typer.stop();
        stopMs.push(performance.now() - s0);
        const o = await typingLong;
        if (o.status !== 'stopped') throw new Error(`the stop did not interrupt typing: ${JSON.stringify(o)}`);
        if (o.reason?.includes('killed')) stopsByKill++;
      }
    }
    await tp.close();
    await typer.close();
  }

  const fuzzT0 = performance.now();
  const fuzz = await runFuzz(500_000, 424242);
  const fuzzS = (performance.now() - fuzzT0) / 1000;

  return {
    latencyMs: {
      performed: { p50: pct(realMs, 50), p99: pct(realMs, 99), n },
      performedWithScreenHashes: { p50: pct(hashedMs, 50), p99: pct(hashedMs, 99), n: 50 },
      dryRunBaseline: { p50: pct(dryMs, 50), p99: pct(dryMs, 99), n },
      performedOverDryRunP50: round(pct(realMs, 50) / pct(dryMs, 50)),
      screenHashesOverNoneP50: round(pct(hashedMs, 50) / pct(realMs, 50)),
    },
    typing: { ...typing, pacedOverUnpacedReceived: round(typing.paced_300!.receivedCharsPerS / typing.unpaced!.receivedCharsPerS) },
    stopMs: { p50: pct(stopMs, 50), max: round(Math.max(...stopMs)), n: stopMs.length, byKill: stopsByKill },
    fuzz: {
      inputs: fuzz.inputs,
      perSecond: round(fuzz.inputs / fuzzS, 0),
      parsed: fuzz.parsed,
      rejected: fuzz.rejected,
      actions: fuzz.actions,
      performed: fuzz.performed,
      denied: fuzz.denied,
      failed: fuzz.failed,
      crashes: fuzz.crashes.length,
      outsidePolicy: fuzz.violations.length,
    },
  };
}
