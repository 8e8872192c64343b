// Double-click to act: open a file (a single click only selects it), or rename a title in place.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { svgPaths, THING_ICONS } from '../icons.ts';
import { esc } from '../vocab.ts';

const OPEN = {
  train: [
    'Open {item} by double-clicking it',
    'Double-click {item}',
    'Double-click on the {item} file to open it',
    'Could you double-click {item}?',
    'Give {item} a double click',
    'I need {item} opened; double-click it',
    'Please open "{item}" with a double-click',
    'Double-click the "{item}" entry to open it',
    '{item}: double-click to open',
    'Open up {item} (double-click, a single click only selects it)',
    'Double click "{item}" and nothing else',
    'Get {item} open by clicking it twice quickly',
    'Double-click {item} in the list to open it',
    'Open {item} from this list with a double-click',
    'Show me what is inside {item}',
    // Opening a file or a folder on a desktop is a double click, whether or not the command says so.
    'Open {item}',
    'Could you open {item} for me?',
    'Open up the {item} document',
  ],
  test: ['Launch {item} (it needs a double click)', 'Open the file {item}'],
};
const RENAME = {
  train: [
    'Rename "{old}" to "{new}" (double-click the name to edit)',
    'Double-click the title {old} and change it to {new}',
    'Rename {old} to {new}',
    'Could you rename "{old}" to "{new}"?',
    'The title {old} should read {new}',
    'I\'d like "{old}" renamed to "{new}"',
    'Double-click "{old}", type {new} and press Enter',
    'Please call {old} "{new}" instead',
    'Edit the title {old} so it says {new}',
    'Replace the title "{old}" with "{new}"',
    '{old} → {new} (rename it)',
    'Make the title {new} instead of {old}',
    'Give {old} the new name {new}',
  ],
  test: ['Change the name {old} into {new} by editing it in place', 'Retitle "{old}" as "{new}"'],
};
const STYLES = { train: ['desktop-icons', 'list-rows'], test: ['thumbnail-grid', 'tree-view'] };
const FILES = ['notes.txt', 'budget.xlsx', 'holiday.jpg', 'report.pdf', 'song.mp3', 'slides.pptx', 'draft.docx', 'map.png', 'backup.zip', 'todo.md'];
const TITLES = ['Weekly sync', 'Launch plan', 'Reading list', 'Garden ideas', 'Bug bash', 'Team offsite'];
const NEW_TITLES = ['Monday sync', 'Launch checklist', 'Books to read', 'Spring garden', 'Bug triage', 'Summer offsite'];

export const doubleClick: Family = {
  name: 'double_click',
  phrasings: [OPEN, RENAME],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    if (rng.chance(0.5)) {
      const files = rng.sample(FILES, rng.int(3, 7));
      const item = rng.pick(files);
      const file = (size: number) => svgPaths(THING_ICONS.file!, size, 'currentColor');
      const el = (f: string, depth: number) => {
        switch (style) {
          case 'desktop-icons': return `<div class="fi" data-f="${esc(f)}" style="display:inline-block;width:6.5em;text-align:center;margin:.5em;padding:.3em;user-select:none"><div>${file(36)}</div>${esc(f)}</div>`;
          case 'list-rows': return `<div class="fi" data-f="${esc(f)}" style="padding:.35em .5em;user-select:none">${file(18)} ${esc(f)}</div>`;
          case 'thumbnail-grid': return `<div class="fi panel" data-f="${esc(f)}" style="display:inline-block;width:8em;height:6em;margin:.4em;vertical-align:top;user-select:none"><div class="muted" style="height:3em;background:var(--bg)"></div>${esc(f)}</div>`;
          default: return `<div class="fi" data-f="${esc(f)}" style="padding:.2em 0 .2em ${1 + depth * 1.2}em;user-select:none">${depth ? '└ ' : '▾ '}${esc(f)}</div>`;
        }
      };
      return {
        ...phrase(ctx, OPEN, { item }),
        widget: `dblclick:${style}`,
        body: `<h3>${rng.pick(['Desktop', 'Documents', 'Downloads'])}</h3><div>${files.map((f, i) => el(f, i % 2)).join('')}</div><p class="muted" id="viewer">Nothing open.</p>`,
        data: { target: item },
        script: `const opened = [];
OT.$$('.fi').forEach((el) => {
  el.addEventListener('click', () => OT.$$('.fi').forEach((x) => { x.style.background = x === el ? 'color-mix(in srgb,var(--accent) 25%,transparent)' : ''; }));
  el.addEventListener('dblclick', () => { opened.push(el.dataset.f); OT.$('#viewer').textContent = 'Opened ' + el.dataset.f; });
});
OT.define({
  check: () => opened.length > 0 && opened.every((f) => f === T.target),
  expert: () => OT.doubleClick(OT.$$('.fi').find((el) => el.dataset.f === T.target), T.target),
});`,
      };
    }
    const i = rng.int(0, TITLES.length - 1);
    const others = rng.sample(TITLES.filter((_, k) => k !== i), rng.int(1, 3));
    const titles = rng.shuffle([TITLES[i]!, ...others]);
    return {
      ...phrase(ctx, RENAME, { old: TITLES[i]!, new: NEW_TITLES[i]! }),
      widget: `dblclick:${style}`,
      body: `<h3>${rng.pick(['Boards', 'Notebooks', 'Playlists'])}</h3>${titles.map((t) => `<div class="panel" style="margin:.5em 0"><span class="tt" data-t="${esc(t)}" style="font-weight:bold;user-select:none">${esc(t)}</span><div class="muted">Double-click a name to rename it.</div></div>`).join('')}`,
      data: { old: TITLES[i], name: NEW_TITLES[i], titles },
      script: `const names = () => OT.$$('.tt').map((t) => t.textContent);
OT.$$('.tt').forEach((t) => t.addEventListener('dblclick', () => {
  const input = document.createElement('input');
  input.value = t.textContent;
  t.replaceWith(input);
  input.focus();
  input.select();
  const done = () => { t.textContent = input.value.trim() || t.textContent; input.replaceWith(t); };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') done(); });
  input.addEventListener('blur', done);
}));
OT.define({
  check: () => names().join('|') === T.titles.map((t) => (t === T.old ? T.name : t)).join('|') && !document.querySelector('main input'),
  expert: () => {
    const input = document.querySelector('main input');
    if (input) return input.value === T.name ? { type: 'hotkey', keys: ['enter'] } : OT.typeInto(input, T.name);
    return OT.doubleClick(OT.$$('.tt').find((t) => t.dataset.t === T.old), T.old);
  },
});`,
    };
  },
};
