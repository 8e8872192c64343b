import { describe, expect, it } from 'vitest';
import { backendSpaceFor, type DisplayInfo, physicalSize, toBackendPoint } from '../../../electron/executor/displays.ts';

const d = (id: string, x: number, y: number, width: number, height: number, scaleFactor: number, extra: Partial<DisplayInfo> = {}): DisplayInfo => ({ id, bounds: { x, y, width, height }, scaleFactor, ...extra });

// A laptop at 150% on the left of a 4K monitor at 200%, with a 125% monitor above it at a negative origin.
const laptop = d('laptop', 0, 0, 1280, 720, 1.5, { primary: true }); // 1920x1080 physical
const fourK = d('4k', 1280, 0, 1920, 1080, 2); // 3840x2160 physical
const above = d('above', 0, -864, 1536, 864, 1.25); // 1920x1080 physical
const plain = d('plain', 0, 0, 1280, 800, 1);
const layout = [laptop, fourK, above];

describe('display mapping: physical pixels of a display → backend coordinates', () => {
  it.each([
    // point, display, X11/Windows (physical desktop), macOS (logical points)
    [0, 0, undefined, [0, 0], [0, 0]],
    [960, 540, undefined, [960, 540], [640, 360]],
    [1919, 1079, 'laptop', [1919, 1079], [1279.3333333333333, 719.3333333333334]],
    [0, 0, '4k', [2560, 0], [1280, 0]],
    [3839, 2159, '4k', [6399, 2159], [1280 + 1919.5, 1079.5]],
    [100, 100, '4k', [2660, 100], [1330, 50]],
    [0, 0, 'above', [0, -1080], [0, -864]],
    [1000, 500, 'above', [1000, -580], [800, -464]],
  ] as const)('(%i,%i) on %s', (x, y, display, physical, logical) => {
    const p = display === undefined ? { x, y } : { x, y, display };
    expect(toBackendPoint(p, layout, 'physical')).toEqual({ x: physical[0], y: physical[1] });
    const l = toBackendPoint(p, layout, 'logical');
    expect(l.x).toBeCloseTo(logical[0], 9);
    expect(l.y).toBeCloseTo(logical[1], 9);
  });

  it('uses the native origin Windows reports for mixed scale factors', () => {
    const right = d('right', 1280, 0, 1536, 864, 1.25, { nativeOrigin: { x: 1920, y: 0 } });
    expect(toBackendPoint({ x: 10, y: 20, display: 'right' }, [laptop, right], 'physical')).toEqual({ x: 1930, y: 20 });
  });

  it.each([
    [1280, 800, 1, 1280, 800],
    [1536, 864, 1.25, 1920, 1080],
    [1280, 720, 1.5, 1920, 1080],
    [1920, 1080, 2, 3840, 2160],
  ])('a %ix%i display at scale %f is %ix%i physical pixels', (w, h, s, pw, ph) => {
    expect(physicalSize(d('x', 0, 0, w, h, s))).toEqual({ width: pw, height: ph });
  });

  it('refuses points off the display and unknown displays, saying which exist', () => {
    expect(() => toBackendPoint({ x: 1920, y: 0 }, layout, 'physical')).toThrow(/off display "laptop", which is 1920x1080/);
    expect(() => toBackendPoint({ x: -1, y: 0 }, [plain], 'physical')).toThrow(/off display/);
    expect(() => toBackendPoint({ x: 1, y: 1, display: 'tv' }, layout, 'physical')).toThrow(/no display "tv".*"laptop", "4k", "above"/);
  });

  it('speaks physical pixels on Linux and Windows, logical points on macOS', () => {
    expect([backendSpaceFor('linux'), backendSpaceFor('win32'), backendSpaceFor('darwin')]).toEqual(['physical', 'physical', 'logical']);
  });
});
