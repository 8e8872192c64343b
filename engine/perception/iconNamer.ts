// The icon recognizer: names icon-like elements from their pixels ("trash delete bin") so that a
// command naming the picture or its action finds them. One batched model call per screen; an
// element the model does not name with confidence keeps its empty text.
import ort from 'onnxruntime-node';
import { modelFiles } from '../../models/registry.ts';
import type { SessionCache } from '../runtime/sessions.ts';
import { ICON_CLASSES, OTHER_CLASS } from './iconClasses.ts';
import { ICON_INPUT_SIDE, iconInput } from './iconInput.ts';
import type { Rect, RgbaImage } from './image.ts';

export const ICON_MODEL_ID = 'icon-names';

/**
 * A name is given only when the model is at least this sure of it: a wrong name misleads the
 * action model more than no name (measured on held-out renders, models/icons/MODEL_CARD.md).
 */
export const MIN_ICON_CONFIDENCE = 0.7;

/**
 * What it takes to overrule the outline detector: a control it called a checkbox or radio is
 * named (and becomes an icon) only when the model is this sure. Icons with a round or square
 * outline (a bell, a gear, Chromium's reload button) are often taken for radios and checkboxes,
 * and a checked radio is a ring and a dot, as some icons are. Measured: icons taken for radios
 * were named at 0.87–0.98; the one real radio the model named at all, at 0.77.
 */
export const MIN_RELABEL_CONFIDENCE = 0.85;

export interface IconName {
  /** The class name ("trash"), and the words an element's text gets ("trash delete bin"). */
  name: string;
  words: string;
  confidence: number;
}

export class IconNamer {
  private constructor(private readonly session: ort.InferenceSession) {}

  /** Loads (and verifies) the icon model through `sessions`. */
  static async load(sessions: SessionCache, manifestDir?: string): Promise<IconNamer> {
    const files = await modelFiles(ICON_MODEL_ID, manifestDir);
    return new IconNamer((await sessions.get(files.model!)).session);
  }

  /** One name (or undefined) per box of `frame`, from one model call over all of them. */
  async name(frame: RgbaImage, boxes: Rect[]): Promise<(IconName | undefined)[]> {
    const px = ICON_INPUT_SIDE * ICON_INPUT_SIDE;
    const input = new Float32Array(boxes.length * px);
    const live = boxes.map((b, i) => iconInput(frame, b, input.subarray(i * px, (i + 1) * px)));
    if (!live.some(Boolean)) return boxes.map(() => undefined);
    const out = await this.session.run({ crops: new ort.Tensor('float32', input, [boxes.length, 1, ICON_INPUT_SIDE, ICON_INPUT_SIDE]) });
    const probs = out.probs!.data as Float32Array;
    const k = ICON_CLASSES.length;
    return boxes.map((_, i) => {
      if (!live[i]) return undefined;
      let best = 0;
      for (let c = 1; c < k; c++) if (probs[i * k + c]! > probs[i * k + best]!) best = c;
      const confidence = probs[i * k + best]!;
      if (best === OTHER_CLASS || confidence < MIN_ICON_CONFIDENCE) return undefined;
      return { name: ICON_CLASSES[best]!.name, words: ICON_CLASSES[best]!.words, confidence };
    });
  }
}
