// The perception stage: frame → UI elements, re-reading only what changed since the last frame.
import { OperantError } from '../errors.ts';
import { SessionCache } from '../runtime/sessions.ts';
import { chipStates, detectControls, type Control, isText, isWord } from './controls.ts';
import { elementId } from './elementIds.ts';
import { isIconCandidate } from './iconInput.ts';
import { IconNamer, MIN_RELABEL_CONFIDENCE } from './iconNamer.ts';
import { checkFrame, type Rect, type RgbaImage, intersects, overlap, union } from './image.ts';
import { Ocr } from './ocr.ts';
import type { Line } from './recognizer.ts';
import { dirtyTiles, type TileGrid, tileGrid, tileRects } from './tiles.ts';
import type { Perception, UiElement } from './types.ts';

export interface PerceiveFrame extends RgbaImage {
  /** Device pixels per layout pixel (2 on HiDPI); text is detected at 1x to save work. */
  scale?: number;
}

export interface PerceiveOptions {
  /** Re-read only the tiles that changed since the previous frame (default true). */
  incremental?: boolean;
}

interface State {
  grid: TileGrid;
  lines: Line[];
  controls: Control[];
  scale: number;
}

export class Perceiver {
  private state: State | undefined;
  private disposed = false;

  private constructor(
    private readonly sessions: SessionCache,
    private readonly ocr: Ocr,
    private readonly icons: IconNamer | undefined,
  ) {}

  /**
   * `icons: false` (or OPERANT_ICONS=0) leaves icon-only controls unnamed instead of running the
   * icon recognizer on them.
   */
  static async create(opts: { threads?: number; manifestDir?: string; icons?: boolean } = {}): Promise<Perceiver> {
    const sessions = new SessionCache({ threads: opts.threads });
    try {
      const useIcons = opts.icons ?? process.env.OPERANT_ICONS !== '0';
      const ocr = await Ocr.load(sessions, opts.manifestDir);
      return new Perceiver(sessions, ocr, useIcons ? await IconNamer.load(sessions, opts.manifestDir) : undefined);
    } catch (e) {
      await sessions.dispose();
      throw e;
    }
  }

  async perceive(frame: PerceiveFrame, opts: PerceiveOptions = {}): Promise<Perception> {
    if (this.disposed) throw new OperantError('this Perceiver was disposed: create a new one');
    checkFrame(frame);
    const started = performance.now();
    const timings = { hash: 0, detect: 0, recognize: 0, controls: 0, icons: 0, total: 0, dirtyTiles: 0, tiles: 0 };
    const scale = frame.scale ?? 1;
    let t = performance.now();
    const grid = tileGrid(frame);
    timings.hash = performance.now() - t;
    timings.tiles = grid.cols * grid.rows;
    const prev = this.state;
    const incremental = (opts.incremental ?? true) && prev && prev.grid.width === frame.width && prev.grid.height === frame.height && prev.scale === scale;

    let regions: Rect[];
    let lines: Line[];
    let controls: Control[];
    if (incremental) {
      const dirty = dirtyTiles(prev.grid, grid);
      timings.dirtyTiles = dirty.reduce((n, d) => n + d, 0);
      regions = growRegions(tileRects(dirty, grid), grid, prev);
      lines = prev.lines.filter((l) => !regions.some((r) => intersects(r, l.box)));
      controls = prev.controls.filter((c) => !regions.some((r) => intersects(r, c.box)));
    } else {
      // Spatial sparsity: flat tiles hold nothing to read, so detection skips them.
      const busy = grid.uniform.map((u) => 1 - u);
      timings.dirtyTiles = timings.tiles;
      regions = tileRects(busy, grid);
      lines = [];
      controls = [];
    }
    if (regions.length) {
      const fresh = await this.ocr.read(frame, regions, { scale: 1 / scale }, timings);
      lines.push(...fresh);
      t = performance.now();
      // A new shape cut by the edge of a changed region is part of something larger that did not
      // change (the top edge of a panel below a field typed into, taken for a slider): what it
      // was is known, and it is left as it was.
      const found = regions.flatMap((r) => detectControls(frame, r, fresh.filter((l) => intersects(r, l.box)), scale).filter((c) => !incremental || !cutBy(r, c.box, frame) || prev.controls.some((p) => overlap(p.box, c.box) >= 0.5 * Math.max(p.box.w * p.box.h, c.box.w * c.box.h))));
      timings.controls = performance.now() - t;
      t = performance.now();
      // Cached controls keep the names they were given when they were read.
      if (this.icons) await nameIcons(this.icons, frame, found, scale);
      // A lone digit (a slider's value "7", a badge's count) or a short underlined word ("No") the
      // text detector passed over, outlined as a nameless icon or a switch, is read here and
      // becomes text; so is a word inside a short box where nothing was read (a chip).
      const read = await readGlyphs(this.ocr, frame, found, scale, [...controls, ...found]);
      const inBoxes = await readEmptyBoxes(this.ocr, frame, found, scale);
      timings.icons = performance.now() - t;
      const late = [...read.values(), ...inBoxes];
      const words = late.flatMap((l) => l.words);
      // A glyph-like control among the words read late (a chip's "#" taken for a radio button) was
      // part of them.
      const glyphLike = (c: Control) => ['checkbox', 'radio', 'icon', 'toggle'].includes(c.kind) && words.some((w) => intersects(w.box, c.box));
      controls.push(...found.filter((c) => !read.has(c) && !glyphLike(c)));
      // What the text detector made of the same ink (a keycap's "D" read with its frame as "同")
      // gives way to it.
      for (const l of fresh) l.words = l.words.filter((w) => isText(w, l) || !late.some((r) => intersects(r.box, w.box)));
      lines.push(...late);
    }
    // A chip's state depends on its neighbours: read anew over the whole frame.
    chipStates(controls);
    this.state = { grid, lines, controls, scale };
    timings.total = performance.now() - started;
    return { width: frame.width, height: frame.height, elements: toElements(lines, controls), timings: roundTimings(timings) };
  }

  /** Forgets the previous frame: the next `perceive` reads the whole screen. */
  reset(): void {
    this.state = undefined;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.state = undefined;
    await this.sessions.dispose();
  }
}

/**
 * How sure the recognizer must be that a nameless icon is a digit; beside a slider, where a number
 * is its value, less (a lone "0" reads as "o" at 0.45: the recognizer splits its belief among o, O and 0).
 */
const DIGIT_CONFIDENCE = 0.9;
/** The names controls.ts gives a chevron by the way it points. */
const CHEVRON = /^(?:previous|next) /;
const SLIDER_DIGIT_CONFIDENCE = 0.4;

/**
 * Gives icon-like controls the words of the icon they show. A named "checkbox" or "radio" was an
 * icon button the outline detector took for one (a ring-and-dot icon, an icon in a square).
 */
async function nameIcons(namer: IconNamer, frame: RgbaImage, controls: Control[], scale: number): Promise<void> {
  const candidates = controls.filter((c) => isIconCandidate(c, scale));
  if (!candidates.length) return;
  const names = await namer.name(frame, candidates.map((c) => c.box));
  candidates.forEach((c, i) => {
    const n = names[i];
    const relabel = c.kind === 'checkbox' || c.kind === 'radio';
    if (!n || (relabel && n.confidence < MIN_RELABEL_CONFIDENCE)) return;
    c.text = n.words;
    c.confidence = n.confidence;
    if (relabel) {
      c.kind = 'icon';
      delete c.state;
    }
  });
}

/**
 * One or two digits, or one capital letter that no outline is mistaken for (a ring, a tick, a
 * cross, a bar): a slider's value, a badge's count, a keycap's key.
 */
const GLYPH = /^(?:\d{1,2}|[A-HJKMNP-UWYZ])$/;

/**
 * Nameless glyph-sized icons (keycaps with their frame) that read as GLYPH, with the line each
 * reads as; just past either end of a slider, on its row, a number (its value): there a digit
 * outlined as a box or a ring (a checkbox, a radio button), or a "0" read as the letter "o", is
 * the digit; and switches that read clearly as a word.
 */
async function readGlyphs(ocr: Ocr, frame: RgbaImage, controls: Control[], scale: number, all: Control[]): Promise<Map<Control, Line>> {
  const sliders = all.filter((s) => s.kind === 'slider');
  const bySlider = (c: Control) => {
    const cy = c.box.y + c.box.h / 2;
    const past = (s: Control) => (c.box.x >= s.box.x + s.box.w - 4 && c.box.x - (s.box.x + s.box.w) <= 140 * scale) || (c.box.x + c.box.w <= s.box.x + 4 && s.box.x - (c.box.x + c.box.w) <= 140 * scale);
    return sliders.some((s) => cy >= s.box.y - 4 && cy <= s.box.y + s.box.h + 4 && past(s));
  };
  const sized = (c: Control) => c.box.w >= 3 * scale && c.box.w <= 48 * scale && c.box.h >= 8 * scale && c.box.h <= 48 * scale;
  // A chevron may be a digit drawn like one (a calendar's "3" taken for "›").
  const chevron = (c: Control) => c.kind === 'icon' && CHEVRON.test(c.text);
  const glyphs = controls.filter((c) => c.kind === 'toggle' || (sized(c) && ((c.kind === 'icon' && (!c.text || chevron(c))) || ((c.kind === 'radio' || c.kind === 'checkbox') && bySlider(c)))));
  const out = new Map<Control, Line>();
  if (!glyphs.length) return out;
  // An icon's box is its ink's, grown by a fifth (see controls.ts). Around a lone glyph's ink, a
  // little room, as a word's crop has; inside a keycap's frame, the glyph without the frame
  // (`tight`: further in, where the first crop caught a side of it: "D" read as "回"). Around a
  // switch, a little room too.
  const cropOf = (c: Control, tight: boolean) => {
    if (c.kind === 'toggle') return { x: c.box.x - 3 * scale, y: c.box.y - 3 * scale, w: c.box.w + 6 * scale, h: c.box.h + scale };
    const ink = c.box.w / 1.2;
    const pad = tight ? -0.2 * ink : ink <= 20 * scale ? 3 * scale : -0.15 * ink;
    const side = ink + 2 * pad;
    return { x: c.box.x + c.box.w / 2 - side / 2, y: c.box.y + c.box.h / 2 - side / 2, w: side, h: side };
  };
  const accept = (c: Control, line: Line): Line | undefined => {
    // A short underlined word the text detector passed over ("No") makes a pill like a switch's:
    // read clearly as two letters or more, it is the word. A switch reads as rings at most ("O o").
    if (c.kind === 'toggle') return /\p{L}.*\p{L}/u.test(line.text) && !/^[\soO0cC()]+$/.test(line.text) && line.confidence >= DIGIT_CONFIDENCE ? line : undefined;
    if (chevron(c)) return /^\d{1,2}$/.test(line.text.trim()) && line.confidence >= DIGIT_CONFIDENCE ? line : undefined;
    const value = bySlider(c);
    // A keycap's frame may read as brackets round its key ("[M]").
    const bare = line.text.trim().replace(/^[[({|]+|[\])}|]+$/g, '') || line.text.trim();
    const text = value && /^[oO]$/.test(bare) ? '0' : bare;
    const digit = value ? /^\d{1,3}$/.test(text) && line.confidence >= SLIDER_DIGIT_CONFIDENCE : GLYPH.test(text) && line.confidence >= DIGIT_CONFIDENCE;
    if (digit) return text === line.text ? line : { ...line, text, words: line.words.map((w) => ({ ...w, text })) };
    return undefined;
  };
  const read = async (cs: Control[], tight: boolean) => {
    const lines = await ocr.readBoxes(frame, cs.map((c) => cropOf(c, tight)));
    // Lines come back for the boxes that held ink, in order but not one for one: matched by place.
    for (const c of cs) {
      const line = lines.find((l) => intersects(l.box, c.box));
      const got = line && accept(c, line);
      if (got) out.set(c, got);
    }
  };
  await read(glyphs, false);
  const keycaps = glyphs.filter((c) => !out.has(c) && c.kind === 'icon' && c.box.w / 1.2 >= 14 * scale);
  if (keycaps.length) await read(keycaps, true);
  return out;
}

/** The most a box may measure for its inside to be read again when nothing was read there (a chip, a short field). */
const EMPTY_BOX_MAX = { w: 400, h: 48 };
const EMPTY_BOX_CONFIDENCE = 0.8;

/**
 * Short boxes with nothing read inside, whose inside holds a word the text detector passed over
 * (a chip's "#Invoices"): the lines read there, and the box named by them. An empty field holds no
 * ink and costs no recognition.
 */
async function readEmptyBoxes(ocr: Ocr, frame: RgbaImage, controls: Control[], scale: number): Promise<Line[]> {
  const empty = controls.filter((c) => ['text_field', 'dropdown', 'button'].includes(c.kind) && !c.text.trim() && c.box.w <= EMPTY_BOX_MAX.w * scale && c.box.h <= EMPTY_BOX_MAX.h * scale);
  if (!empty.length) return [];
  const inset = 3 * scale;
  const lines = await ocr.readBoxes(frame, empty.map((c) => ({ x: c.box.x + inset, y: c.box.y + inset, w: c.box.w - 2 * inset, h: c.box.h - 2 * inset })));
  const out: Line[] = [];
  for (const c of empty) {
    const line = lines.find((l) => intersects(l.box, c.box));
    // A chevron, a caret or a clear button reads as one character at most.
    if (!line || !line.words.some((w) => isWord(w.text)) || line.confidence < EMPTY_BOX_CONFIDENCE) continue;
    c.text = line.text;
    out.push(line);
  }
  return out;
}

/**
 * Grows each dirty rectangle to whole text lines and whole controls: over every cached line or
 * control it touches, until nothing more is added. New text needs no growing: every pixel of it
 * changed, so its tiles are dirty.
 */
function growRegions(dirty: Rect[], grid: TileGrid, prev: State): Rect[] {
  const cached = [...prev.lines.map((l) => l.box), ...prev.controls.map((c) => c.box)];
  const grown = dirty.map((r) => {
    let out = r;
    for (let changed = true; changed; ) {
      changed = false;
      for (const b of cached) {
        const u = union(out, b);
        if (intersects(out, b) && (u.w !== out.w || u.h !== out.h)) { out = u; changed = true; }
      }
    }
    return out;
  });
  // Growing may make regions overlap; merge so no line is read twice.
  for (let i = 0; i < grown.length; i++) {
    for (let j = i + 1; j < grown.length; j++) {
      if (intersects(grown[i]!, grown[j]!)) { grown[i] = union(grown[i]!, grown[j]!); grown.splice(j, 1); j = i; }
    }
  }
  return grown.map((r) => ({ x: Math.max(0, Math.floor(r.x)), y: Math.max(0, Math.floor(r.y)), w: Math.min(grid.width, Math.ceil(r.x + r.w)) - Math.max(0, Math.floor(r.x)), h: Math.min(grid.height, Math.ceil(r.y + r.h)) - Math.max(0, Math.floor(r.y)) }));
}

/** Whether `box` reaches an edge of `region` inside the frame (not the frame's own edge). */
function cutBy(region: Rect, box: Rect, frame: { width: number; height: number }): boolean {
  return (region.x > 0 && box.x <= region.x + 1) || (region.y > 0 && box.y <= region.y + 1) || (region.x + region.w < frame.width && box.x + box.w >= region.x + region.w - 1) || (region.y + region.h < frame.height && box.y + box.h >= region.y + region.h - 1);
}

function toElements(lines: Line[], controls: Control[]): UiElement[] {
  const out: UiElement[] = [];
  for (const c of controls) {
    const box = toBox(c.box);
    out.push({ id: elementId(c.kind, c.text, box), kind: c.kind, text: c.text, box, confidence: round(c.confidence), ...(c.state ? { state: c.state } : {}) });
  }
  // Glyph-like controls read as a character are controls, not text.
  const glyphLike = controls.filter((c) => ['checkbox', 'radio', 'icon', 'toggle'].includes(c.kind));
  const long = lines.flatMap((l) => l.words.filter((w) => [...w.text].length > 1));
  for (const l of lines) {
    for (const w of l.words) {
      if (!isText(w, l) && (!/[\p{L}\p{N}]/u.test(w.text) || glyphLike.some((c) => intersects(c.box, w.box)))) continue;
      // A lone character on top of a word is a stroke the recognizer split off it (a menu's
      // underlined mnemonic read again), not a word of its own.
      if ([...w.text].length === 1 && long.some((o) => intersects(o.box, w.box))) continue;
      const box = toBox(w.box);
      out.push({ id: elementId('text', w.text, box), kind: 'text', text: w.text, box, confidence: round(w.confidence) });
    }
  }
  return out.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

const toBox = (r: Rect): [number, number, number, number] => [Math.round(r.x), Math.round(r.y), Math.round(r.w), Math.round(r.h)];
const round = (v: number) => Math.round(v * 1000) / 1000;
const roundTimings = (t: Record<string, number>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]));
