// Choose a value in a native <select>. Chromium draws its popup outside the page, so the expert
// opens it with a click and picks the option by typing its name and Enter, as people do.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { COLORS, esc, FRUITS, SIZES } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Choose {option} from the {name} dropdown',
    'Select {option} as the {lower}',
    'Set {name} to {option}',
    '{name}: {option}',
    'I\'d like {option} as the {lower}',
    'Open the {name} dropdown and pick {option}',
    'Please set it so the {lower} is {option}',
    'I want the {lower} set to {option}',
    'Select "{option}" in the {name} select box',
    'In the {name} dropdown, go for {option}',
    '{option} is the {lower} I want',
    'Could you select {option} under {name}?',
    'Choose the {lower} {option}, leaving other dropdowns as they are',
    'Have the {name} dropdown show {option}',
  ],
  test: ['Pick "{option}" for {lower}', 'Change the {lower} to {option}', 'I need {option} in the {name} menu'],
};
const STYLES = { train: ['plain', 'wide'], test: ['borderless', 'inline-label'] };
const MENUS: [string, readonly string[]][] = [['Fruit', FRUITS], ['Color', COLORS], ['Size', SIZES], ['Priority', ['Low', 'Normal', 'High', 'Urgent']], ['Language', ['English', 'French', 'German', 'Spanish', 'Italian', 'Dutch']]];

export const selectNative: Family = {
  name: 'select_native',
  confirmable: true,
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const menus = rng.sample(MENUS, rng.int(1, 3)).map(([name, opts]) => ({ name, options: rng.sample(opts, Math.min(opts.length, rng.int(4, 7))) }));
    const target = rng.int(0, menus.length - 1);
    const menu = menus[target]!;
    const option = rng.pick(menu.options.slice(1));
    const selStyle = style === 'wide' ? ' style="min-width:16em"' : style === 'borderless' ? ' style="border:none;border-bottom:2px solid var(--accent);border-radius:0"' : '';
    const row = (m: { name: string; options: string[] }, i: number) => {
      const sel = `<select data-i="${i}"${selStyle}>${m.options.map((o) => `<option>${esc(o)}</option>`).join('')}</select>`;
      return style === 'inline-label' ? `<label class="row" style="margin:.6em 0"><span style="width:7em">${esc(m.name)}</span>${sel}</label>` : `<label class="field"><span>${esc(m.name)}</span>${sel}</label>`;
    };
    return {
      ...phrase(ctx, PHRASINGS, { option, name: menu.name, lower: menu.name.toLowerCase() }),
      widget: `select:${style}`,
      body: `<h3>${rng.pick(['Order', 'Preferences', 'Ticket'])}</h3>${menus.map(row).join('')}`,
      data: { target, option, initial: menus.map((m) => m.options[0]), names: menus.map((m) => m.name) },
      script: `const sels = OT.$$('select[data-i]');
OT.define({
  check: () => sels.every((s, i) => s.value === (i === T.target ? T.option : T.initial[i])),
  expert: () => {
    const s = sels[T.target];
    const wrong = sels.findIndex((x, i) => i !== T.target && x.value !== T.initial[i]);
    if (wrong >= 0) return document.activeElement === sels[wrong] ? { type: 'type', text: T.initial[wrong] + '\\n' } : OT.click(sels[wrong], T.names[wrong] + ' dropdown');
    return document.activeElement === s ? { type: 'type', text: T.option + '\\n' } : OT.click(s, T.names[T.target] + ' dropdown');
  },
});`,
    };
  },
};
