// Move a slider to the value named in the instruction (its current value is shown beside it).
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Set the {name} slider to {value}',
    'Move {lower} to {value}',
    'Drag the {lower} slider to {value}',
    '{name}: {value}',
    'Could you put the {lower} at {value}?',
    'I\'d like the {lower} at {value}',
    'Please bring {lower} to {value}',
    'Leave the {lower} at {value} when you are done',
    '{value} for {name}, please',
    'Push the {lower} slider to {value}',
    'Turn the {lower} up or down to {value}',
    'Set {lower} to exactly {value}',
    'Drag the {name} handle to the {value} mark',
    'I need {name} at {value}',
    'Move the {lower} control to {value} and leave it there',
  ],
  test: ['Adjust {lower} until it reads {value}', 'Make the {lower} {value}', 'Slide {name} to {value}'],
};
const STYLES = { train: ['native-thin', 'native-thick'], test: ['custom-knob', 'custom-ticks'] };
const NAMES = ['Volume', 'Brightness', 'Opacity', 'Zoom', 'Speed', 'Temperature', 'Contrast', 'Budget'];
const RANGES: [number, number, number][] = [[0, 100, 5], [0, 10, 1], [0, 200, 10], [50, 150, 5]];

const CSS = `input[type=range]{-webkit-appearance:none;appearance:none;background:transparent;padding:0;border:none;height:22px}
input[type=range]::-webkit-slider-runnable-track{height:var(--track);background:var(--border);border-radius:4px}
input[type=range]::-webkit-slider-thumb{-webkit-appearance:none;width:18px;height:18px;border-radius:50%;background:var(--accent);margin-top:calc(var(--track) / 2 - 9px)}
.cs{position:relative;height:24px;cursor:pointer;outline:none}
.cs .tr{position:absolute;left:0;right:0;top:10px;height:4px;background:var(--border)}
.cs .fill{position:absolute;left:0;top:10px;height:4px;background:var(--accent)}
.cs .kn{position:absolute;top:2px;width:20px;height:20px;margin-left:-10px;background:var(--panel);border:3px solid var(--accent);border-radius:4px}
.cs .tk{position:absolute;top:18px;width:1px;height:8px;background:var(--muted)}`;

export const slider: Family = {
  name: 'slider',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const [min, max, step] = rng.pick(RANGES);
    const steps = (max - min) / step;
    const start = min + step * rng.int(0, steps);
    let value = start;
    while (Math.abs(value - start) < 2 * step) value = min + step * rng.int(0, steps);
    const name = rng.pick(NAMES);
    const width = rng.int(220, 420);
    const control = style.startsWith('native')
      ? `<input type="range" id="sl" min="${min}" max="${max}" step="${step}" value="${start}" style="width:${width}px;--track:${style === 'native-thick' ? 10 : 4}px">`
      : `<div class="cs" id="sl" tabindex="0" style="width:${width}px"><div class="tr"></div><div class="fill"></div>${style === 'custom-ticks' ? Array.from({ length: Math.min(steps, 20) + 1 }, (_, i) => `<div class="tk" style="left:${(100 * i) / Math.min(steps, 20)}%"></div>`).join('') : ''}<div class="kn"></div></div>`;
    return {
      ...phrase(ctx, PHRASINGS, { name, lower: name.toLowerCase(), value: String(value) }),
      widget: `slider:${style}`,
      body: `<h3>${rng.pick(['Display', 'Audio', 'Playback', 'Limits'])}</h3><div class="row" style="gap:1em"><span>${esc(name)}</span>${control}<b id="out"></b></div>`,
      css: CSS,
      data: { min, max, step, value, native: style.startsWith('native') },
      script: `const sl = OT.$('#sl');
const out = OT.$('#out');
let v = T.native ? Number(sl.value) : ${start};
const frac = () => (v - T.min) / (T.max - T.min);
// The native thumb is 18 px wide and travels within the track less its width.
const thumbX = (val) => { const r = sl.getBoundingClientRect(); const f = (val - T.min) / (T.max - T.min); return T.native ? r.left + 9 + f * (r.width - 18) : r.left + f * r.width; };
function paint() {
  out.textContent = String(v);
  if (!T.native) { sl.querySelector('.kn').style.left = frac() * 100 + '%'; sl.querySelector('.fill').style.width = frac() * 100 + '%'; }
}
const setFromX = (x) => { const r = sl.getBoundingClientRect(); const f = Math.min(1, Math.max(0, (x - r.left) / r.width)); v = T.min + Math.round((f * (T.max - T.min)) / T.step) * T.step; paint(); };
if (T.native) sl.addEventListener('input', () => { v = Number(sl.value); paint(); });
else {
  let dragging = false;
  sl.addEventListener('pointerdown', (e) => { dragging = true; sl.setPointerCapture(e.pointerId); sl.focus(); setFromX(e.clientX); });
  sl.addEventListener('pointermove', (e) => { if (dragging) setFromX(e.clientX); });
  sl.addEventListener('pointerup', () => { dragging = false; });
  sl.addEventListener('keydown', (e) => {
    const d = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (d) { e.preventDefault(); v = Math.min(T.max, Math.max(T.min, v + d * T.step)); paint(); }
  });
}
paint();
OT.define({
  check: () => v === T.value,
  expert: () => {
    const near = Math.abs(v - T.value) <= 2 * T.step;
    if (near && document.activeElement === sl) return { type: 'hotkey', keys: [v < T.value ? 'right' : 'left'] };
    const r = sl.getBoundingClientRect();
    const y = Math.round(r.top + r.height / 2);
    return OT.reveal(sl) || { type: 'drag', from: { x: Math.round(thumbX(v)), y }, to: { x: Math.round(thumbX(T.value)), y } };
  },
});`,
    };
  },
};
