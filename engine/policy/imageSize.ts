// The image size a Qwen2-VL-family model (UI-TARS 1.5 among them) actually sees: both sides
// rounded to multiples of 28 and the area kept within its pixel budget. Its coordinates are pixels
// of this resized image, so mapping them back needs exactly the same arithmetic (qwen_vl_utils).
export const IMAGE_FACTOR = 28;
export const MIN_PIXELS = 100 * 28 * 28;
export const MAX_PIXELS = 16384 * 28 * 28;

export function smartResize(width: number, height: number, factor = IMAGE_FACTOR, minPixels = MIN_PIXELS, maxPixels = MAX_PIXELS): { width: number; height: number } {
  let h = Math.max(factor, Math.round(height / factor) * factor);
  let w = Math.max(factor, Math.round(width / factor) * factor);
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.floor(height / beta / factor) * factor;
    w = Math.floor(width / beta / factor) * factor;
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return { width: w, height: h };
}
