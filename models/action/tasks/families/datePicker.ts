// Pick a date in a calendar: open it, page to the right month, click the day.
import { type Family, phrase, widgetStyle } from '../family.ts';

const PHRASINGS = {
  train: [
    'Pick {long} in the date picker',
    'Set the {field} to {long}',
    'Choose {day} {month} {year} as the {lower}',
    '{field}: {long}',
    'Could you set the {lower} to {long}?',
    'I need the {lower} on {long}',
    'Please choose {long} as the {lower}',
    'Let the {lower} be {long}',
    'Click {day} {month} {year} in the date picker',
    'Enter {long} for {field} using the calendar',
    'Put the {lower} on {month} {day}, {year}',
    '{long}, please, for the {lower}',
    'Move the {lower} to {day} {month} {year}',
    'Open the calendar and pick {long}',
    'Go to {month} {year} and click day {day}',
    'Use the date picker to select {long}',
  ],
  test: ['The {lower} should be {iso}', 'Select {month} {day} on the calendar', 'Book it for {long}'],
};
const STYLES = { train: ['popup-sunday', 'inline-sunday'], test: ['popup-monday-banded', 'inline-monday-round'] };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FIELDS = ['Start date', 'Due date', 'Check-in', 'Delivery date', 'Birthday'];

const CSS = `.cal{display:inline-block;background:var(--panel);border:1px solid var(--border);border-radius:var(--radius);padding:.5em;user-select:none}
.cal.popup{display:none;position:absolute;z-index:5;box-shadow:0 8px 22px rgba(0,0,0,.3)}
.cal.popup[data-open="1"]{display:inline-block}
.cal .hd{display:flex;justify-content:space-between;align-items:center;gap:1em;padding:.2em .3em .5em}
.cal.banded .hd{background:var(--accent);color:var(--accentFg);border-radius:var(--radius)}
.cal .nav{cursor:pointer;padding:.1em .6em;font-weight:bold;color:inherit}
.cal .g{display:grid;grid-template-columns:repeat(7,2.2em);text-align:center;gap:2px}
.cal .wd{color:var(--muted);font-size:.8em}
.cal .d{padding:.3em 0;cursor:pointer;border-radius:3px}
.cal.round .d{border-radius:50%}
.cal .d:hover{outline:1px solid var(--accent)}
.cal .d[data-sel="1"]{background:var(--accent);color:var(--accentFg)}
.dwrap{position:relative}`;

export const datePicker: Family = {
  name: 'date_picker',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const year = rng.int(2024, 2027);
    const month = rng.int(0, 11);
    const shift = rng.pick([0, 0, 1, -1, 2]);
    const target = new Date(Date.UTC(year, month + shift, rng.int(1, 28)));
    const t = { y: target.getUTCFullYear(), m: target.getUTCMonth(), d: target.getUTCDate() };
    const iso = `${t.y}-${String(t.m + 1).padStart(2, '0')}-${String(t.d).padStart(2, '0')}`;
    const field = rng.pick(FIELDS);
    const popup = style.startsWith('popup');
    const cls = `cal ${popup ? 'popup' : ''} ${style.includes('banded') ? 'banded' : ''} ${style.includes('round') ? 'round' : ''}`;
    return {
      ...phrase(ctx, PHRASINGS, { long: `${MONTHS[t.m]} ${t.d}, ${t.y}`, day: String(t.d), month: MONTHS[t.m]!, year: String(t.y), iso, field, lower: field.toLowerCase() }),
      widget: `date:${style}`,
      body: `<div class="field"><span>${field}</span><div class="dwrap"><input id="date" readonly placeholder="YYYY-MM-DD" style="width:11em;cursor:pointer"><div class="${cls}"><div class="hd"><span class="nav" data-dir="-1" aria-label="previous month">‹</span><b class="title"></b><span class="nav" data-dir="1" aria-label="next month">›</span></div><div class="g"></div></div></div></div><div style="height:16em"></div>`,
      css: CSS,
      data: { year, month, iso, target: t, monday: style.includes('monday'), popup, months: MONTHS },
      script: `const input = OT.$('#date');
const cal = OT.$('.cal');
let shown = { y: T.year, m: T.month };
const pad = (n) => String(n).padStart(2, '0');
function render() {
  OT.$('.cal .title').textContent = T.months[shown.m] + ' ' + shown.y;
  const names = T.monday ? ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] : ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
  const first = (new Date(Date.UTC(shown.y, shown.m, 1)).getUTCDay() + (T.monday ? 6 : 0)) % 7;
  const days = new Date(Date.UTC(shown.y, shown.m + 1, 0)).getUTCDate();
  const cells = names.map((n) => '<span class="wd">' + n + '</span>');
  for (let i = 0; i < first; i++) cells.push('<span></span>');
  for (let d = 1; d <= days; d++) {
    const iso = shown.y + '-' + pad(shown.m + 1) + '-' + pad(d);
    cells.push('<span class="d" data-iso="' + iso + '" data-sel="' + (input.value === iso ? 1 : 0) + '">' + d + '</span>');
  }
  OT.$('.cal .g').innerHTML = cells.join('');
  OT.$$('.cal .d').forEach((el) => el.addEventListener('click', () => { input.value = el.dataset.iso; if (T.popup) cal.dataset.open = '0'; render(); }));
}
OT.$$('.cal .nav').forEach((n) => n.addEventListener('click', () => {
  const m = shown.m + Number(n.dataset.dir);
  shown = { y: shown.y + Math.floor(m / 12), m: ((m % 12) + 12) % 12 };
  render();
}));
input.addEventListener('click', () => { if (T.popup) cal.dataset.open = cal.dataset.open === '1' ? '0' : '1'; });
render();
OT.define({
  check: () => input.value === T.iso,
  expert: () => {
    if (T.popup && cal.dataset.open !== '1') return OT.click(input, 'date field');
    const diff = (T.target.y - shown.y) * 12 + (T.target.m - shown.m);
    if (diff !== 0) return OT.click(OT.$('.cal .nav[data-dir="' + Math.sign(diff) + '"]'), diff > 0 ? 'next month' : 'previous month');
    return OT.click(OT.$('.cal .d[data-iso="' + T.iso + '"]'), String(T.target.d));
  },
});`,
    };
  },
};
