import sharp from 'sharp';
import { Ocr } from '../../engine/perception/ocr.ts';
import { SessionCache } from '../../engine/runtime/sessions.ts';
const { data, info } = await sharp('/tmp/shots-ks/test-2-3-keyboard_shortcut-0.png').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
const frame = { data: new Uint8Array(data), width: info.width, height: info.height };
const ocr = await Ocr.load(new SessionCache({ threads: 1 } as any));
for (const pad of [0, 3, 6]) {
  const b = { x: 954, y: 547, w: 36, h: 36 };
  const lines = await ocr.readBoxes(frame as any, [{ x: b.x - pad, y: b.y - pad, w: b.w + 2 * pad, h: b.h + 2 * pad }, { x: 958 + 4, y: 550 + 4, w: 27 - 8, h: 30 - 8 }]);
  console.log(pad, JSON.stringify(lines.map((l) => [l.text, l.confidence])));
}
