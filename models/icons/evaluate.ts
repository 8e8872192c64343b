// Scores the exported icon model the way the Perceiver runs it (onnxruntime, the same threshold):
// per set, the share of icons named correctly, named wrongly, and left unnamed, and for non-icons
// ("other") the share given a false name.
import { readFileSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { ICON_CLASSES, OTHER_CLASS } from '../../engine/perception/iconClasses.ts';
import { ICON_INPUT_SIDE } from '../../engine/perception/iconInput.ts';
import { MIN_ICON_CONFIDENCE } from '../../engine/perception/iconNamer.ts';
import { openSession } from '../../engine/runtime/sessions.ts';

const SETS = ['train', 'val', 'task-test'] as const;

export interface SetScore {
  icons: number;
  named: number;
  correct: number;
  wrong: number;
  nonIcons: number;
  falseNamed: number;
  /** Accuracy of the argmax over all classes ("other" included), before the threshold. */
  argmax: number;
  perClass: Record<string, { n: number; correct: number }>;
}

export async function evaluateIcons(model: string, data: string): Promise<Record<string, SetScore>> {
  const { session } = await openSession(model, { threads: 1 });
  const raw = readFileSync(data);
  const px = ICON_INPUT_SIDE * ICON_INPUT_SIDE;
  const size = 2 + px;
  const k = ICON_CLASSES.length;
  const out: Record<string, SetScore> = {};
  try {
    for (const [setIndex, set] of SETS.entries()) {
      const rows: number[] = [];
      for (let i = 0; i * size < raw.length; i++) if (raw[i * size] === setIndex) rows.push(i);
      if (set === 'train') rows.splice(0, rows.length, ...rows.filter((_, j) => j % 10 === 0));
      const s: SetScore = { icons: 0, named: 0, correct: 0, wrong: 0, nonIcons: 0, falseNamed: 0, argmax: 0, perClass: {} };
      for (let b = 0; b < rows.length; b += 512) {
        const batch = rows.slice(b, b + 512);
        const input = new Float32Array(batch.length * px);
        batch.forEach((r, j) => { for (let p = 0; p < px; p++) input[j * px + p] = raw[r * size + 2 + p]! / 255; });
        const res = await session.run({ crops: new ort.Tensor('float32', input, [batch.length, 1, ICON_INPUT_SIDE, ICON_INPUT_SIDE]) });
        const probs = res.probs!.data as Float32Array;
        batch.forEach((r, j) => {
          const label = raw[r * size + 1]!;
          let best = 0;
          for (let c = 1; c < k; c++) if (probs[j * k + c]! > probs[j * k + best]!) best = c;
          const named = best !== OTHER_CLASS && probs[j * k + best]! >= MIN_ICON_CONFIDENCE;
          if (best === label) s.argmax++;
          const pc = (s.perClass[ICON_CLASSES[label]!.name] ??= { n: 0, correct: 0 });
          pc.n++;
          if (label === OTHER_CLASS) {
            s.nonIcons++;
            if (named) s.falseNamed++;
            else pc.correct++;
          } else {
            s.icons++;
            if (named) { s.named++; if (best === label) { s.correct++; pc.correct++; } else s.wrong++; }
          }
        });
      }
      s.argmax = rows.length ? s.argmax / rows.length : 0;
      out[set] = s;
    }
  } finally {
    await session.release();
  }
  return out;
}

/** The figures the model card quotes: rates rounded to three places. */
export function summary(scores: Record<string, SetScore>) {
  const r = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  return Object.fromEntries(Object.entries(scores).map(([set, s]) => [set, {
    icons: s.icons, correctlyNamed: r(s.correct, s.icons), wronglyNamed: r(s.wrong, s.icons), unnamed: r(s.icons - s.named, s.icons),
    nonIcons: s.nonIcons, falseNameRate: r(s.falseNamed, s.nonIcons), argmaxAccuracy: Math.round(s.argmax * 1000) / 1000,
    perClass: Object.fromEntries(Object.entries(s.perClass).map(([c, v]) => [c, r(v.correct, v.n)])),
  }]));
}
