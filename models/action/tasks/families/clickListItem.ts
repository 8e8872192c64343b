// Click the entry named in the instruction in a list, table or grid of similar entries.
import { clickOnlyScript, type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Click on {label} in the list',
    'Select the {label} entry',
    'Click the item named {label}',
    'Single-click {label} to select it',
    'Could you select "{label}"?',
    'I need the {label} file',
    'Please click the "{label}" entry in the list',
    'Highlight {label}',
    'Select {label} and nothing else',
    'Go for {label} in this list of files',
    'Hit the entry called {label}',
    'Put the selection on "{label}"',
    'The one I want is {label}',
    'Mark {label} in the list',
    'Find {label} among the files and click it',
  ],
  test: ['Pick {label} from the items', 'Choose the row for {label}', 'Click {label}'],
};
const STYLES = { train: ['plain-list', 'table-rows'], test: ['card-grid', 'bordered-list'] };
const ITEMS = ['Budget 2025.xlsx', 'Team photo.png', 'Meeting notes.docx', 'Roadmap.pdf', 'Invoice 0042.pdf', 'Logo final.svg', 'Contract draft.docx', 'Survey results.csv', 'Onboarding.pptx', 'Backup.zip', 'Recipe ideas.txt', 'Floor plan.pdf', 'Trip itinerary.docx', 'Payroll March.xlsx'];

export const clickListItem: Family = {
  name: 'click_list_item',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const items = rng.sample(ITEMS, rng.int(4, 8));
    const target = rng.pick(items);
    const meta = () => `${rng.int(1, 28)} ${rng.pick(['Jan', 'Feb', 'Mar', 'Apr'])} · ${rng.int(12, 980)} KB`;
    let body: string;
    switch (style) {
      case 'plain-list':
        body = `<div>${items.map((l) => `<div class="li" data-label="${esc(l)}" style="padding:.45em .3em;cursor:pointer">${esc(l)}</div>`).join('')}</div>`;
        break;
      case 'table-rows':
        body = `<table style="border-collapse:collapse;width:100%"><tr class="muted"><th align="left">Name</th><th align="left">Modified</th></tr>${items.map((l) => `<tr class="li" data-label="${esc(l)}" style="cursor:pointer;border-top:1px solid var(--border)"><td style="padding:.4em 0">${esc(l)}</td><td class="muted">${meta()}</td></tr>`).join('')}</table>`;
        break;
      case 'card-grid':
        body = `<div style="display:grid;grid-template-columns:repeat(3,1fr);gap:.7em">${items.map((l) => `<div class="li panel" data-label="${esc(l)}" style="cursor:pointer"><b>${esc(l)}</b><div class="muted" style="font-size:.85em">${meta()}</div></div>`).join('')}</div>`;
        break;
      default:
        body = `<div style="border:2px solid var(--border);border-radius:var(--radius)">${items.map((l, i) => `<div class="li" data-label="${esc(l)}" style="padding:.5em .8em;cursor:pointer;${i ? 'border-top:2px solid var(--border)' : ''}">${esc(l)}</div>`).join('')}</div>`;
    }
    return {
      ...phrase(ctx, PHRASINGS, { label: target }),
      widget: `list:${style}`,
      body: `<h3>${rng.pick(['Files', 'Recent', 'Shared with me'])}</h3>${body}`,
      data: { target },
      script: clickOnlyScript('.li', 'label'),
    };
  },
};
