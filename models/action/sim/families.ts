// Synthetic task families at the element level, each with an instruction in many phrasings, a
// checker and an expert that answers from any state (so the learned policy's own mistakes can be
// labelled: DAgger). They complement the rendered task suite with layouts it never draws.
import type { ExpertStep } from '../expertStep.ts';
import { add, buttons, centre, labelled, newPage, nextRow, type Page, textWidth } from './layout.ts';
import { type Rng, WORDS } from './random.ts';
import type { Widget, World } from './world.ts';

export interface Scenario {
  family: string;
  instruction: string;
  world: World;
  expert(): ExpertStep;
  check(): boolean;
}

type Maker = (p: Page) => Omit<Scenario, 'world'>;

const fill = (rng: Rng, templates: string[], vars: Record<string, string>) =>
  rng.pick(templates).replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
const quote = (rng: Rng, s: string) => rng.pick([s, `"${s}"`, `'${s}'`, `“${s}”`]);
const click = (w: Widget): ExpertStep => ({ type: 'click', ...centre(w) });
const done: ExpertStep = { type: 'finished' };

/** Click `field`, clear it when it holds something else, type `value`. Null when already done. */
function typeInto(world: World, field: Widget, value: string): ExpertStep | null {
  if ((field.value ?? '') === value) return null;
  if (world.focus !== field) return click(field);
  if (field.value && !world.selectAll) return { type: 'hotkey', keys: ['ctrl', 'a'] };
  return { type: 'type', text: value };
}

const clickTarget: Maker = (p) => {
  const { rng } = p;
  const kind = rng.pick(['button', 'button', 'link', 'tab', 'menu_item', 'list_item'] as const);
  const names = rng.sample(WORDS.buttons, rng.int(3, 8));
  const target = rng.pick(names);
  // Distractors that share a word with the target ("Save" next to "Save draft").
  const similar = WORDS.buttons.filter((b) => b !== target && b.split(' ')[0] === target.split(' ')[0]);
  if (similar.length) names.push(...rng.sample(similar, 1).filter((s) => !names.includes(s)));
  let clicked = false;
  const ws = buttons(p, kind, rng.sample(names, names.length), (_w, self) => { if (self.text === target) clicked = true; });
  const t = quote(rng, target);
  const noun = { button: 'button', link: 'link', tab: 'tab', menu_item: 'menu item', list_item: 'item' }[kind];
  const verb = rng.pick(['Click', 'Press', 'Hit', 'Tap', 'Select', 'Choose', 'Open', 'Pick', 'Activate', 'Trigger', 'Push', 'Find and click', 'Locate and press', 'Navigate to', 'Switch to', 'Go to', 'Jump to', 'Click on']);
  const instruction = fill(rng, ['{v} {t}', '{v} the {t} {n}', '{v} {t}.', '{t}', 'Find the {n} labelled {t} and click it', '{l} it', '{l} the document', "Let's {l}", 'Could you {l}?', '{l} now', 'Time to {l}', 'the {t} {n}, please', '{v} the {n} that says {t}', 'Only {v2} {t}', '{v} {t} and nothing else'], { t, n: noun, v: verb, v2: verb.toLowerCase(), l: target.toLowerCase() });
  const w = ws.find((x) => x.text === target)!;
  return { family: 'click', instruction, expert: () => (clicked ? done : click(w)), check: () => clicked };
};

const typeField: Maker = (p) => {
  const { rng, world } = p;
  const labels = rng.sample(WORDS.labels, rng.int(1, 5));
  const placeholderOnly = rng.chance(0.3);
  const fields = labels.map((l) => (placeholderOnly ? add(p, 'text_field', l, [p.x, (nextRow(p), p.y), rng.int(160, 360), p.row]) : labelled(p, l, 'text_field', rng.chance(0.3) ? `Enter ${l.toLowerCase()}` : '', rng.int(160, 360))));
  const i = rng.int(0, labels.length - 1);
  const value = rng.pick(WORDS.values);
  if (rng.chance(0.25)) fields[i]!.value = rng.pick(WORDS.values.filter((v) => v !== value));
  const instruction = fill(rng, ['Type {v} into {l}', 'Enter {v} in the {l} field', 'Fill {l} with {v}', 'Write {v} in {l}', 'Set {l} to {v}', 'Put {v} into the {l} box', 'In {l}, type {v}', 'Change {l} to {v}', '{l}: {v}'], { v: quote(rng, value), l: labels[i]! });
  return { family: 'type', instruction, expert: () => typeInto(world, fields[i]!, value) ?? done, check: () => fields[i]!.value === value };
};

const checkboxes: Maker = (p) => {
  const { rng } = p;
  const kind = rng.pick(['checkbox', 'checkbox', 'toggle'] as const);
  const names = rng.sample(WORDS.options, rng.int(3, 6));
  const boxes = names.map((n) => {
    const b = add(p, kind, '', [p.x, p.y + 2, kind === 'toggle' ? p.row + 10 : p.row - 4, p.row - 4], { checked: rng.chance(0.4) });
    add(p, 'text', n, [p.x + p.row + 14, p.y + 2, textWidth(p, n), p.row - 6], { onClick: () => { b.checked = !b.checked; } });
    nextRow(p);
    return b;
  });
  const want = rng.chance(0.75);
  const chosen = rng.sample([...names.keys()], rng.int(1, Math.min(3, names.length)));
  const list = chosen.map((i) => names[i]!);
  const joined = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  const instruction = fill(rng, want ? ['Check {x}', 'Tick {x}', 'Select {x}', 'Enable {x}', 'Turn on {x}', 'Mark {x}', 'Make sure {x} is checked'] : ['Uncheck {x}', 'Untick {x}', 'Clear {x}', 'Disable {x}', 'Turn off {x}', 'Deselect {x}'], { x: joined });
  // At least the first named box starts in the wrong state, so there is something to do.
  boxes[chosen[0]!]!.checked = !want;
  const pending = () => chosen.map((i) => boxes[i]!).find((b) => b.checked !== want);
  return { family: 'checkbox', instruction, expert: () => { const b = pending(); return b ? click(b) : done; }, check: () => !pending() };
};

const radios: Maker = (p) => {
  const { rng } = p;
  const group = rng.pick(['Size', 'Color', 'Plan', 'Shipping', 'Level', 'Frequency']);
  add(p, 'text', group, [p.x, p.y, textWidth(p, group), p.row - 6]);
  nextRow(p);
  const names = rng.sample(WORDS.options, rng.int(2, 5));
  const radios: Widget[] = [];
  const pickOne = (_w: World, self: Widget) => { for (const r of radios) r.checked = r === self; };
  names.forEach((n, i) => {
    radios.push(add(p, 'radio', '', [p.x, p.y + 2, p.row - 4, p.row - 4], { checked: i === 0, onClick: pickOne }));
    add(p, 'text', n, [p.x + p.row + 10, p.y + 2, textWidth(p, n), p.row - 6], { onClick: (w) => pickOne(w, radios[i]!) });
    nextRow(p);
  });
  const i = rng.int(0, names.length - 1);
  if (i === 0) radios[0]!.checked = false;
  const instruction = fill(rng, ['Choose {o}', 'Select the {o} option', 'Set {g} to {o}', 'Pick {o} for {g}', 'Choose {o} as the {g}', 'I want {o}', 'Select {o}'], { o: names[i]!, g: group.toLowerCase() });
  return { family: 'radio', instruction, expert: () => (radios[i]!.checked ? done : click(radios[i]!)), check: () => !!radios[i]!.checked };
};

const dropdown: Maker = (p) => {
  const { rng } = p;
  const label = rng.pick(['Country', 'Color', 'Size', 'Language', 'Category', 'Day', 'Priority']);
  const opts = rng.sample(WORDS.options, rng.int(3, 7));
  const target = rng.pick(opts);
  const items: Widget[] = [];
  const box = labelled(p, label, 'dropdown', rng.pick(['Select…', 'Choose one', opts[0]!]), rng.int(150, 260), {
    onClick: () => { for (const it of items) it.hidden = !it.hidden; },
  });
  opts.forEach((o, k) => items.push(add(p, rng.chance(0.5) ? 'menu_item' : 'list_item', o, [box.box[0], box.box[1] + p.row * (k + 1), box.box[2], p.row], {
    hidden: true,
    onClick: () => { box.text = o; for (const it of items) it.hidden = true; },
  })));
  const instruction = fill(rng, ['Select {o} from the {l} dropdown', 'Choose {o} as {l}', 'Set {l} to {o}', 'Pick {o} in {l}', 'Change the {l} to {o}', 'Select {o} in the {l} menu'], { o: target, l: label.toLowerCase() });
  return { family: 'dropdown', instruction, expert: () => (box.text === target ? done : items[0]!.hidden ? click(box) : click(items[opts.indexOf(target)]!)), check: () => box.text === target };
};

const autocomplete: Maker = (p) => {
  const { rng, world } = p;
  const target = rng.pick(WORDS.cities);
  const field = labelled(p, rng.pick(['City', 'Destination', 'Search', 'Location']), 'text_field', rng.chance(0.5) ? 'Start typing…' : '', rng.int(180, 300));
  let chosen = false;
  const suggestions = WORDS.cities.map((c, k) => add(p, 'list_item', c, [field.box[0], field.box[1] + p.row * (1 + (k % 5)), field.box[2], p.row], { hidden: true, onClick: (_w, self) => { field.value = self.text; chosen = self.text === target; for (const s of suggestions) s.hidden = true; } }));
  const refresh = () => {
    const typed = (field.value ?? '').toLowerCase();
    let row = 1;
    for (const s of suggestions) {
      s.hidden = chosen || !typed || !s.text.toLowerCase().startsWith(typed.slice(0, 3)) || row > 5;
      if (!s.hidden) s.box = [field.box[0], field.box[1] + p.row * row++, field.box[2], p.row];
    }
  };
  const instruction = fill(rng, ['Search for {c} and pick it from the suggestions', 'Type {c} in the box and choose it from the list', 'Select {c} using the autocomplete', 'Find {c} and select it', 'Enter {c} and choose the matching suggestion'], { c: target });
  return {
    family: 'autocomplete',
    instruction,
    expert: () => {
      refresh();
      if (chosen) return done;
      const s = suggestions.find((x) => x.text === target && !x.hidden);
      if (s) return click(s);
      return typeInto(world, field, target) ?? done;
    },
    check: () => chosen,
  };
};

const datePicker: Maker = (p) => {
  const { rng } = p;
  const month = rng.pick(WORDS.months);
  const day = rng.int(1, 28);
  const days: Widget[] = [];
  const field = labelled(p, rng.pick(['Date', 'Start date', 'Due date', 'Birthday']), 'text_field', 'mm/dd/yyyy', 200, { onClick: () => { for (const d of days) d.hidden = false; } });
  const top = field.box[1] + p.row + 8;
  const header = add(p, 'text', `${month} 2024`, [field.box[0], top, 140, p.row - 6], { hidden: true });
  for (let d = 1; d <= 30; d++) {
    days.push(add(p, rng.chance(0.5) ? 'button' : 'text', String(d), [field.box[0] + ((d - 1) % 7) * (p.row + 6), top + p.row * (1 + Math.floor((d - 1) / 7)), p.row, p.row - 4], {
      hidden: true,
      onClick: (_w, self) => { field.value = `${month} ${self.text}`; for (const x of days) x.hidden = true; header.hidden = true; },
    }));
  }
  days.push(header);
  const want = `${month} ${day}`;
  const instruction = fill(rng, ['Pick {m} {d} in the calendar', 'Set the date to {m} {d}', 'Choose the {d}th', 'Select {d} {m} as the date', 'Open the date picker and choose {d}'], { m: month, d: String(day) });
  return { family: 'date', instruction, expert: () => (field.value === want ? done : days[0]!.hidden ? click(field) : click(days[day - 1]!)), check: () => field.value === want };
};

const slider: Maker = (p) => {
  const { rng } = p;
  const label = rng.pick(['Volume', 'Brightness', 'Opacity', 'Speed', 'Zoom', 'Price']);
  const target = rng.int(0, 20) * 5;
  let value = rng.int(0, 100);
  const bar = labelled(p, label, 'slider', '', rng.int(200, 420), {
    onClick: (_w, self, at) => { value = Math.round(((at.x - self.box[0]) / self.box[2]) * 100); shown.text = String(value); },
  });
  const shown = add(p, 'text', String(value), [bar.box[0] + bar.box[2] + 12, bar.box[1] + 2, 30, p.row - 6]);
  const instruction = fill(rng, ['Set {l} to {v}', 'Move the {l} slider to {v}', 'Drag {l} to {v}%', 'Change {l} to {v}', 'Adjust the {l} to {v}'], { l: label.toLowerCase(), v: String(target) });
  const ok = () => Math.abs(value - target) <= 3;
  return { family: 'slider', instruction, expert: () => (ok() ? done : { type: 'click', x: Math.round(bar.box[0] + (bar.box[2] * target) / 100), y: centre(bar).y }), check: ok };
};

const dragDrop: Maker = (p) => {
  const { rng } = p;
  const items = rng.sample(WORDS.options, rng.int(2, 5));
  const zones = rng.sample(['Basket', 'Trash', 'Done', 'Archive', 'Favorites', 'Inbox', 'Backlog'], rng.int(1, 3));
  const target = rng.pick(items);
  const zone = rng.pick(zones);
  let dropped = false;
  const iw = items.map((it) => { const w = add(p, rng.pick(['list_item', 'text', 'button'] as const), it, [p.x, p.y, textWidth(p, it) + 20, p.row], { onDrop: (_w, self, to) => { if (self.text === target && to.text === zone) { dropped = true; self.hidden = true; } } }); nextRow(p); return w; });
  const zx = p.x + rng.int(250, 500);
  const zw = zones.map((z, k) => add(p, 'text', z, [zx, iw[0]!.box[1] + k * (p.row * 3), 140, p.row * 2]));
  const instruction = fill(rng, ['Drag {i} to {z}', 'Move {i} onto {z}', 'Drop {i} into {z}', 'Drag and drop {i} on the {z} area', 'Put {i} in {z}'], { i: target, z: zone });
  const from = iw[items.indexOf(target)]!;
  const to = zw[zones.indexOf(zone)]!;
  return { family: 'drag', instruction, expert: () => (dropped ? done : { type: 'drag', from: centre(from), to: centre(to) }), check: () => dropped };
};

const scrollFind: Maker = (p) => {
  const { rng, world } = p;
  const names = Array.from({ length: 40 }, (_, k) => `${rng.pick(['Item', 'Row', 'File', 'Song', 'Task'])} ${k + 1}`);
  const region: [number, number, number, number] = [p.x, p.y, 320, p.row * 8];
  let clicked = false;
  const target = rng.int(10, 39);
  const ws = names.map((n, k) => add(p, 'list_item', n, [p.x + 4, p.y + k * p.row, 300, p.row - 2], { scrolls: true, onClick: (_w, self) => { if (self === ws[target]) clicked = true; } }));
  world.scroll = { box: region, offset: 0, max: names.length * p.row - region[3] };
  add(p, 'scrollbar', '', [p.x + 306, p.y, 12, region[3]]);
  const instruction = fill(rng, ['Scroll down and click {t}', 'Find {t} in the list and click it', 'Click {t}', 'Open {t} (scroll to find it)', 'Select {t} from the list'], { t: names[target]! });
  const visible = () => { const [, y, , h] = ws[target]!.box; return y >= region[1] && y + h <= region[1] + region[3]; };
  return {
    family: 'scroll',
    instruction,
    expert: () => (clicked ? done : visible() ? click(ws[target]!) : { type: 'scroll', x: region[0] + 150, y: region[1] + region[3] / 2, direction: ws[target]!.box[1] < region[1] ? 'up' : 'down', amount: 5 }),
    check: () => clicked,
  };
};

const copyPaste: Maker = (p) => {
  const { rng, world } = p;
  const [la, lb] = rng.sample(WORDS.labels, 2) as [string, string];
  const a = labelled(p, la, 'text_field', '', 260, { value: rng.pick(WORDS.values) });
  const b = labelled(p, lb, 'text_field', '', 260);
  const instruction = fill(rng, ['Copy the text from {a} to {b}', 'Copy {a} into {b}', 'Copy what is in {a} and paste it into {b}', 'Paste the {a} value into {b}'], { a: la, b: lb });
  return {
    family: 'copy_paste',
    instruction,
    expert: () => {
      if (b.value === a.value) return done;
      if (world.clipboard === a.value) return world.focus !== b ? click(b) : { type: 'hotkey', keys: ['ctrl', 'v'] };
      if (world.focus !== a) return click(a);
      return world.selectAll ? { type: 'hotkey', keys: ['ctrl', 'c'] } : { type: 'hotkey', keys: ['ctrl', 'a'] };
    },
    check: () => b.value === a.value,
  };
};

const shortcut: Maker = (p) => {
  const { rng, world } = p;
  const [combo, said, what] = rng.pick([
    ['ctrl+s', 'Ctrl+S', 'save'], ['ctrl+z', 'Ctrl+Z', 'undo'], ['escape', 'Escape', 'close the panel'], ['enter', 'Enter', 'submit'], ['ctrl+f', 'Ctrl+F', 'search'],
    ['ctrl+p', 'ctrl p', 'print'], ['f5', 'F5', 'refresh'], ['ctrl+b', 'Ctrl-B', 'make it bold'], ['tab', 'Tab', 'move to the next field'], ['ctrl+n', 'Ctrl+N', 'open a new one'],
  ] as const);
  buttons(p, 'button', rng.sample(WORDS.buttons, 3));
  const instruction = fill(rng, ['Press {k}', 'Press {k} to {w}', 'Use {k} to {w}', 'Hit {k}', 'Use the keyboard shortcut {k}', '{w} with {k}'], { k: said, w: what });
  const pressed = () => world.keys.includes(combo);
  return { family: 'shortcut', instruction, expert: () => (pressed() ? done : { type: 'hotkey', keys: combo.split('+') }), check: pressed };
};

const form: Maker = (p) => {
  const { rng, world } = p;
  const labels = rng.sample(WORDS.labels, rng.int(2, 4));
  const values = rng.sample(WORDS.values, labels.length);
  const fields = labels.map((l) => labelled(p, l, 'text_field', '', rng.int(180, 320)));
  const submitName = rng.pick(['Submit', 'Save', 'Send', 'Continue', 'Create account', 'Sign up']);
  let submitted = false;
  const [submit] = buttons(p, 'button', [submitName], () => { submitted = todo.every((f, i) => f.value === values[i]); });
  const n = rng.int(1, labels.length);
  const parts = labels.slice(0, n).map((l, i) => fill(rng, ['{l} {v}', '{l} to {v}', '{v} as {l}', '{l}: {v}'], { l, v: quote(rng, values[i]!) }));
  const instruction = `${rng.pick(['Fill in', 'Set', 'Enter', 'Complete the form with'])} ${parts.join(', ')}, then ${rng.pick(['click', 'press', 'hit'])} ${submitName}`;
  const todo = fields.slice(0, n);
  return {
    family: 'form',
    instruction,
    expert: () => {
      if (submitted) return done;
      for (let i = 0; i < todo.length; i++) { const s = typeInto(world, todo[i]!, values[i]!); if (s) return s; }
      return click(submit!);
    },
    check: () => submitted,
  };
};

const dialog: Maker = (p) => {
  const { rng } = p;
  const trigger = rng.pick(['Delete', 'Remove', 'Log out', 'Reset', 'Discard', 'Archive']);
  const [yes, no] = rng.pick([['OK', 'Cancel'], ['Confirm', 'Cancel'], ['Yes', 'No'], ['Delete', 'Keep'], ['Continue', 'Go back']] as const);
  const confirm = rng.chance(0.6);
  let outcome: 'open' | 'yes' | 'no' | 'closed' = 'closed';
  const parts: Widget[] = [];
  buttons(p, 'button', rng.sample([trigger, ...rng.sample(WORDS.buttons.filter((b) => b !== yes && b !== no && b !== trigger), 2)], 3), (_w, self) => { if (self.text === trigger && outcome === 'closed') { outcome = 'open'; for (const x of parts) x.hidden = false; } });
  const dx = p.x + rng.int(40, 200);
  const dy = p.y + rng.int(0, 120);
  parts.push(add(p, 'text', rng.pick(['Are you sure?', `${trigger} this item?`, 'This cannot be undone.']), [dx + 20, dy + 20, 220, p.row - 6], { hidden: true }));
  const close = (r: 'yes' | 'no') => () => { outcome = r; for (const x of parts) x.hidden = true; };
  const yw = add(p, 'button', yes, [dx + 20, dy + 70, textWidth(p, yes) + 30, p.row], { hidden: true, onClick: close('yes') });
  const nw = add(p, 'button', no, [dx + 60 + textWidth(p, yes), dy + 70, textWidth(p, no) + 30, p.row], { hidden: true, onClick: close('no') });
  parts.push(yw, nw);
  const instruction = confirm
    ? fill(rng, ['{t} the item and confirm', 'Click {t}, then confirm with {y}', '{t} it and accept the dialog', 'Press {t} and then {y}'], { t: trigger, y: yes })
    : fill(rng, ['Click {t}, then cancel the dialog', 'Press {t} but choose {n} in the dialog', 'Open the {t} dialog and dismiss it with {n}', 'Click {t} and then {n}'], { t: trigger, n: no });
  const want = confirm ? 'yes' : 'no';
  const triggerW = p.world.widgets.find((w) => w.text === trigger && w.kind === 'button')!;
  return {
    family: 'dialog',
    instruction,
    expert: () => (outcome === want ? done : outcome === 'open' ? click(confirm ? yw : nw) : outcome === 'closed' ? click(triggerW) : done),
    check: () => outcome === want,
  };
};

export const FAMILIES: Record<string, Maker> = { click: clickTarget, type: typeField, checkbox: checkboxes, radio: radios, dropdown, autocomplete, date: datePicker, slider, drag: dragDrop, scroll: scrollFind, copy_paste: copyPaste, shortcut, form, dialog };

const POLITE = ['Please ', 'Now ', 'Quickly ', 'Hey, ', 'Next, ', 'OK, '];
const AFTER = [' please', ' now', ' for me', ', thanks', ' right away', '.', '!'];

/** People wrap commands in filler; the model must find the names inside whatever surrounds them. */
function decorate(rng: Rng, s: string): string {
  let out = s;
  if (rng.chance(0.2)) out = rng.pick(POLITE) + out[0]!.toLowerCase() + out.slice(1);
  if (rng.chance(0.2)) out += rng.pick(AFTER);
  if (rng.chance(0.1)) out = out.toLowerCase();
  return out;
}

export function makeScenario(rng: Rng, family?: string): Scenario {
  const name = family ?? rng.pick(Object.keys(FAMILIES));
  const p = newPage(rng);
  const made = FAMILIES[name]!(p);
  // Lowercasing must not change the text to type: only decorate instructions without quotes or values.
  const s = made.family === 'click' || made.family === 'checkbox' || made.family === 'radio' || made.family === 'dialog' || made.family === 'drag' ? { ...made, instruction: decorate(rng, made.instruction) } : made;
  // Unrelated text after the task's controls, as real screens have.
  for (const t of rng.sample(WORDS.noise, rng.int(0, 4))) add(p, 'text', t, [rng.int(0, p.world.width - 200), rng.int(p.world.height - 120, p.world.height - 30), textWidth(p, t), p.row - 8]);
  return { ...s, world: p.world };
}
