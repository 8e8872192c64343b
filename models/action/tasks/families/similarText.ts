// Click exactly the control named in the instruction among controls with near-identical text.
import { clickOnlyScript, type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Click the "{label}" control',
    'Press the {label} button, not the others',
    'Click exactly {label}',
    '{label}',
    'Could you click {label}? Not the similar ones',
    'I need "{label}" exactly, nothing similar',
    'Please press "{label}"',
    'Click the one labelled {label} precisely',
    'Find the control reading exactly "{label}" and click it',
    'Press {label}, not anything that merely starts like it',
    'Go for {label} on this page',
    'Activate "{label}"',
    'The {label} button, and no other',
    'Select {label} itself, not a variant of it',
    'Pick the control whose text is {label}, word for word',
  ],
  test: ['Choose "{label}" (careful, several look alike)', 'Only hit {label}', 'Select the option that says "{label}"'],
};
const STYLES = { train: ['button-row', 'toolbar'], test: ['link-list', 'stacked-buttons'] };
const GROUPS = [
  ['Save', 'Save as', 'Save draft', 'Save all', 'Save and close'],
  ['Export', 'Export CSV', 'Export PDF', 'Export all', 'Exported files'],
  ['Delete', 'Delete all', 'Delete draft', 'Undelete', 'Deleted items'],
  ['Share', 'Share link', 'Shared with me', 'Share all', 'Unshare'],
  ['Copy', 'Copy link', 'Copy all', 'Copy path', 'Copy to folder'],
  ['Print', 'Print preview', 'Print all', 'Print setup', 'Reprint'],
  ['Archive', 'Archive all', 'Archived', 'Unarchive', 'Archive older'],
];

export const similarText: Family = {
  name: 'similar_text',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const labels = rng.shuffle(rng.pick(GROUPS)).slice(0, rng.int(3, 5));
    const target = rng.pick(labels);
    const el = (l: string) => style === 'link-list'
      ? `<div style="margin:.35em 0"><a href="#" data-label="${esc(l)}" style="color:var(--accent)">${esc(l)}</a></div>`
      : `<button class="btn" data-label="${esc(l)}"${style === 'stacked-buttons' ? ' style="display:block;min-width:12em;text-align:left"' : ''}>${esc(l)}</button>`;
    const wrap = style === 'toolbar' ? 'class="row" style="background:var(--bg);border:1px solid var(--border);padding:.2em;border-radius:var(--radius)"' : style === 'button-row' ? 'class="row"' : '';
    return {
      ...phrase(ctx, PHRASINGS, { label: target }),
      widget: `similar:${style}`,
      body: `<h3>${rng.pick(['Quarterly report', 'Holiday photos', 'Draft contract'])}</h3><div ${wrap}>${labels.map(el).join('')}</div>`,
      data: { target },
      script: clickOnlyScript('[data-label]', 'label'),
    };
  },
};
