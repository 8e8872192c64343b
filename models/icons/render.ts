// Draws one icon the way a screen shows it: its shape (an SVG's alpha) in some colour, at some
// size, bare on a page or inside a button (outlined, filled circle, filled or tinted rounded
// square), with padding and a small shift. Pure pixels: the shape comes from sharp, the rest is
// drawn here with anti-aliased signed distances.
import sharp from 'sharp';
import type { Rect, RgbaImage } from '../../engine/perception/image.ts';
import type { Rng } from '../action/tasks/rng.ts';
import { THEMES, type Theme } from '../action/tasks/variation.ts';

export type Rgb = [number, number, number];
export type ButtonStyle = 'bare' | 'outline' | 'filled-circle' | 'filled-rounded' | 'tinted';

export interface Look {
  page: Rgb;
  style: ButtonStyle;
  fill: Rgb;
  border: Rgb;
  fg: Rgb;
  radius: number;
  pad: number;
}

export interface Mask {
  side: number;
  alpha: Float32Array;
}

/** The SVG's shape at `side`×`side` pixels: its root size replaced, aspect kept, alpha 0..1. */
export async function svgMask(svg: string, side: number): Promise<Mask> {
  const sized = svg.replace(/<svg\b[^>]*>/, (tag) => {
    const num = (a: string) => Number(new RegExp(`\\s${a}=["']([\\d.]+)`).exec(tag)?.[1] ?? 16);
    const viewBox = /viewBox=/.test(tag) ? '' : ` viewBox="0 0 ${num('width')} ${num('height')}"`;
    return tag.replace(/\s(width|height)=("[^"]*"|'[^']*')/g, '').replace(/^<svg/, `<svg width="${side}" height="${side}"${viewBox}`);
  });
  const raw = await sharp(Buffer.from(sized)).resize(side, side, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).ensureAlpha().raw().toBuffer();
  const alpha = new Float32Array(side * side);
  for (let i = 0; i < alpha.length; i++) alpha[i] = raw[i * 4 + 3]! / 255;
  return { side, alpha };
}

export const lumaOf = (c: Rgb) => (c[0] * 77 + c[1] * 150 + c[2] * 29) >> 8;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! * (1 - t) + b[i]! * t)) as Rgb;
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;

function randomColour(rng: Rng, lum?: [number, number]): Rgb {
  for (let k = 0; k < 50; k++) {
    const sat = rng.chance(0.5) ? rng.next() * 0.3 : rng.next();
    const base = rng.next() * 255;
    const c = [0, 1, 2].map(() => Math.max(0, Math.min(255, Math.round(base + (rng.next() - 0.5) * 255 * sat)))) as Rgb;
    if (!lum || (lumaOf(c) >= lum[0] && lumaOf(c) <= lum[1])) return c;
  }
  return lum ? [lum[0], lum[0], lum[0]] : [128, 128, 128];
}

/** A colour at least `min` luma away from `from`. */
function contrasting(rng: Rng, from: Rgb, min: number): Rgb {
  const l = lumaOf(from);
  const dark = l - min >= 0 && (l + min > 255 || rng.chance(0.5));
  return randomColour(rng, dark ? [0, Math.max(0, l - min)] : [Math.min(255, l + min), 255]);
}

/** A random look for a generic icon: any page, any of the button styles. */
export function randomLook(rng: Rng): Look {
  const page = rng.chance(0.6) ? randomColour(rng, [200, 255]) : rng.chance(0.7) ? randomColour(rng, [0, 60]) : randomColour(rng);
  const style = rng.pick<ButtonStyle>(['bare', 'bare', 'bare', 'outline', 'filled-circle', 'filled-rounded', 'tinted']);
  const accent = contrasting(rng, page, 30);
  const radius = rng.int(0, 12);
  const pad = style === 'bare' ? rng.int(0, 6) : rng.int(3, 10);
  switch (style) {
    case 'bare':
      return { page, style, fill: page, border: page, fg: contrasting(rng, page, rng.int(50, 120)), radius, pad };
    case 'outline': {
      const fill = rng.chance(0.5) ? page : mix(page, contrasting(rng, page, 40), 0.1);
      return { page, style, fill, border: contrasting(rng, fill, rng.int(15, 80)), fg: contrasting(rng, fill, rng.int(60, 120)), radius, pad };
    }
    case 'tinted': {
      const fill = mix(page, accent, 0.12 + rng.next() * 0.2);
      return { page, style, fill, border: fill, fg: lumaDistance(accent, fill) >= 50 ? accent : contrasting(rng, fill, 60), radius, pad };
    }
    default:
      return { page, style, fill: accent, border: accent, fg: contrasting(rng, accent, rng.int(60, 120)), radius, pad };
  }
}

const lumaDistance = (a: Rgb, b: Rgb) => Math.abs(lumaOf(a) - lumaOf(b));

/**
 * The task suite's own icon buttons in its train-split styles and themes only (outline-square and
 * filled-circle, models/action/tasks/families/iconClick.ts); `split: 'test'` gives the held-out
 * styles (bare-toolbar, tinted-rounded) in the held-out themes, for evaluation alone.
 */
export function taskLook(rng: Rng, split: 'train' | 'test'): Look {
  const t: Theme = rng.pick(THEMES[split]);
  const c = (k: keyof Theme) => hex(t[k] as string);
  const pad = rng.int(5, 8);
  if (split === 'train') {
    return rng.chance(0.5)
      ? { page: c('bg'), style: 'outline', fill: c('panel'), border: c('border'), fg: c('fg'), radius: 4, pad }
      : { page: c('bg'), style: 'filled-circle', fill: c('accent'), border: c('accent'), fg: c('accentFg'), radius: 0, pad };
  }
  return rng.chance(0.5)
    ? { page: c('bg'), style: 'bare', fill: c('bg'), border: c('bg'), fg: c('muted'), radius: 0, pad }
    : { page: c('bg'), style: 'tinted', fill: mix(c('panel'), c('accent'), 0.22), border: c('bg'), fg: c('accent'), radius: 10, pad };
}

export interface Drawn {
  frame: RgbaImage;
  /** Where the icon's own square lies. */
  icon: Rect;
}

/** The icon in `look` on a canvas with `margin` of page around its button. */
export function drawIcon(mask: Mask, look: Look, margin: number, shift: [number, number]): Drawn {
  const s = mask.side;
  const b = s + 2 * look.pad;
  const W = b + 2 * margin;
  const data = Buffer.alloc(W * W * 4);
  const bx = margin;
  const cxy = bx + b / 2;
  const half = b / 2;
  const ix = bx + look.pad + shift[0];
  const iy = bx + look.pad + shift[1];
  for (let y = 0; y < W; y++) {
    for (let x = 0; x < W; x++) {
      const px = x + 0.5 - cxy;
      const py = y + 0.5 - cxy;
      // Signed distance to the button's edge (negative inside).
      const sd = look.style === 'filled-circle' ? Math.hypot(px, py) - half : roundedBox(px, py, half, Math.min(look.radius, half));
      const inside = Math.min(1, Math.max(0, 0.5 - sd));
      let c: Rgb = look.page;
      if (look.style !== 'bare') {
        c = mix(look.page, look.fill, inside);
        if (look.style === 'outline') c = mix(c, look.border, Math.min(1, Math.max(0, 0.5 - Math.abs(sd + 0.5))));
      }
      const mx = x - ix;
      const my = y - iy;
      const a = mx >= 0 && my >= 0 && mx < s && my < s ? mask.alpha[my * s + mx]! : 0;
      if (a > 0) c = mix(c, look.fg, a);
      const o = (y * W + x) * 4;
      data[o] = c[0]; data[o + 1] = c[1]; data[o + 2] = c[2]; data[o + 3] = 255;
    }
  }
  return { frame: { width: W, height: W, data }, icon: { x: ix, y: iy, w: s, h: s } };
}

function roundedBox(px: number, py: number, half: number, r: number): number {
  const qx = Math.abs(px) - half + r;
  const qy = Math.abs(py) - half + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
