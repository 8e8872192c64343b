// The target is out of sight: scroll the page or a panel until it shows, then click it.
import { clickOnlyScript, type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Scroll to find {label} and click it',
    'Find {label} in the list and open it',
    'Click {label} (you may need to scroll)',
    '{label}',
    'Could you scroll down to {label} and click it?',
    'I need {label}, please click it',
    'Please select "{label}", scrolling if necessary',
    'Scroll until {label} shows up, then click it',
    'Click the entry {label}',
    'Go down the list to {label} and choose it',
    'Hit {label} in this long list',
    'Bring {label} into view and click it',
    'Select {label} and nothing else',
    'Open "{label}" from this list',
    'Scroll, find {label}, click',
  ],
  test: ['Locate "{label}" further down and select it', 'Look for {label} and click on it'],
};
const STYLES = { train: ['page-list', 'inner-panel', 'horizontal-strip'], test: ['tall-cards', 'table-panel'] };
const WORDS = ['Amber', 'Basalt', 'Cobalt', 'Dune', 'Ember', 'Fjord', 'Garnet', 'Harbor', 'Indigo', 'Jasper', 'Kelp', 'Lagoon', 'Mesa', 'Nimbus', 'Onyx', 'Prairie', 'Quill', 'Ridge', 'Sierra', 'Tundra'];

export const scrollFind: Family = {
  name: 'scroll_find',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const n = rng.int(30, 60);
    const labels = Array.from(new Set(Array.from({ length: n * 2 }, () => `${rng.pick(WORDS)} ${rng.int(10, 99)}`))).slice(0, n);
    const label = labels[rng.int(Math.floor(n * 0.6), n - 1)]!;
    const item = (l: string) => `<div class="it" data-label="${esc(l)}" style="cursor:pointer;padding:.45em .6em;border-bottom:1px solid var(--border)">${esc(l)}</div>`;
    let body: string;
    switch (style) {
      case 'page-list':
        body = labels.map(item).join('');
        break;
      case 'inner-panel':
        body = `<div style="height:16em;overflow-y:auto;border:1px solid var(--border);width:20em">${labels.map(item).join('')}</div>`;
        break;
      case 'horizontal-strip':
        body = `<div style="display:flex;overflow-x:auto;gap:.6em;padding-bottom:.6em;border:1px solid var(--border);max-width:95%">${labels.map((l) => `<div class="it panel" data-label="${esc(l)}" style="cursor:pointer;flex:0 0 8em;height:5em">${esc(l)}</div>`).join('')}</div>`;
        break;
      case 'tall-cards':
        body = labels.map((l) => `<div class="it panel" data-label="${esc(l)}" style="cursor:pointer;margin:.6em 0;min-height:4.5em"><b>${esc(l)}</b><div class="muted">Updated ${rng.int(2, 50)} days ago</div></div>`).join('');
        break;
      default:
        body = `<div style="height:18em;overflow-y:auto;border:1px solid var(--border)"><table style="width:100%;border-collapse:collapse"><tr><th align="left" style="position:sticky;top:0;background:var(--panel)">Name</th><th align="left" style="position:sticky;top:0;background:var(--panel)">Size</th></tr>${labels.map((l) => `<tr class="it" data-label="${esc(l)}" style="cursor:pointer"><td style="padding:.35em">${esc(l)}</td><td class="muted">${rng.int(1, 900)} MB</td></tr>`).join('')}</table></div>`;
    }
    return {
      ...phrase(ctx, PHRASINGS, { label }),
      widget: `scroll:${style}`,
      body: `<h3>${rng.pick(['Catalogue', 'Archive', 'All items'])}</h3>${body}`,
      data: { target: label },
      script: clickOnlyScript('.it', 'label'),
    };
  },
};
