// On/off options the command names ("turn off "Dark mode"", "select "Spell check"", "enable
// Notifications"), each read off the screen: a checkbox's tick, a switch's knob, a chip's fill.
// A click never flips one that is already as the command wants it, and the task does not end
// with one that is not.
import type { UiElement } from '../perception/types.ts';
import { clickOn, inside, lineBox, lineOf, rowControl } from './elementMemory.ts';
import { named, pendingClick } from './pending.ts';
import { quotedSpans } from './text.ts';
import type { PolicyAction, PolicyInput } from './types.ts';

const ON = String.raw`turn(?:ing)?\s+on|switch\s+on|enable|activate|check|tick|select|mark|put\s+a\s+tick\s+in|opt\s+in\s+to`;
const OFF = String.raw`turn(?:ing)?\s+off|switch\s+off|disable|deactivate|uncheck|untick|clear|deselect|unselect|unmark|remove\s+the\s+tick\s+from|opt\s+out\s+of`;
const OFF_BEFORE = new RegExp(String.raw`\b(?:${OFF})\s+(?:the\s+)?$`, 'i');
const ON_BEFORE = new RegExp(String.raw`\b(?:${ON})\s+(?:the\s+)?$`, 'i');
/** "turn "Dark mode" off", "switch Wi-Fi on". */
const STATE_AFTER = /^\s*(on|off)\b/i;
const TURN_BEFORE = /\b(?:turn|switch|set|toggle)\s+(?:the\s+)?$/i;
/** An unquoted name runs to the next clause. */
const UNQUOTED = new RegExp(String.raw`\b(${OFF}|${ON})\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}'’ -]*?)(?:\s+(?:option|setting|box|checkbox|switch|toggle|chip))?(?=\s*(?:[,;.!?]|\band\b|\bthen\b|$))`, 'giu');
const UNQUOTED_TURN = /\b(?:turn|switch|set)\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}'’ -]*?)\s+(on|off)\b/giu;

export interface OptionPart {
  name: string;
  /** On (true) or off (false), as the command wants it. */
  want: boolean;
}

/** The options the command turns on or off, by name: quoted names, else the words after each verb. */
export function commandOptions(instruction: string): OptionPart[] {
  const spans = quotedSpans(instruction);
  if (spans.length) {
    const parts: OptionPart[] = [];
    spans.forEach(([a, b], i) => {
      const before = instruction.slice(Math.max(0, a - 40), a).replace(/["“'‘]$/, '');
      const after = instruction.slice(b).replace(/^["”'’]/, '');
      const name = instruction.slice(a, b);
      const state = STATE_AFTER.exec(after)?.[1];
      // One verb for a list ('enable "A", "B" and "C"'): the previous name's.
      const listed = i > 0 && parts.at(-1)?.name === instruction.slice(...spans[i - 1]!) && /^\s*(?:,|,?\s*and|,?\s*or)\s*$/.test(instruction.slice(spans[i - 1]![1] + 1, a - 1));
      const want = OFF_BEFORE.test(before) ? false : ON_BEFORE.test(before) ? true : state && TURN_BEFORE.test(before) ? state.toLowerCase() === 'on' : listed ? parts.at(-1)!.want : undefined;
      if (want !== undefined) parts.push({ name, want });
    });
    return parts;
  }
  const parts: OptionPart[] = [];
  for (const m of instruction.matchAll(UNQUOTED_TURN)) parts.push({ name: m[1]!, want: m[2]!.toLowerCase() === 'on' });
  for (const m of instruction.matchAll(UNQUOTED)) {
    if (/^(?:on|off)$/i.test(m[2]!) || parts.some((p) => p.name === m[2])) continue;
    const want = !new RegExp(`^(?:${OFF})$`, 'i').test(m[1]!);
    parts.push({ name: m[2]!, want });
    // One verb for a list: "Tick Apple, Pear and Cherry, then click OK".
    let rest = instruction.slice(m.index! + m[0].length);
    for (let item = LISTED.exec(rest); item && !VERB.test(item[1]!); item = LISTED.exec(rest)) {
      parts.push({ name: item[1]!, want });
      rest = rest.slice(item[0].length);
    }
  }
  return parts;
}

/** The next name of a list: ", Pear", " and Cherry". */
const LISTED = /^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?!then\b)([\p{L}\p{N}][\p{L}\p{N}'’-]*(?:\s+(?!and\b|then\b)[\p{L}\p{N}][\p{L}\p{N}'’-]*)*)/iu;
/** A list item that starts a clause of its own. */
const VERB = new RegExp(String.raw`^(?:${ON}|${OFF}|click|press|hit|tap|choose|pick|type|enter|open|close|save|submit)\b`, 'i');

interface OptionOnScreen extends OptionPart {
  label: UiElement;
  /** What to click: the control on the label's row, or the label itself (a chip). */
  control: UiElement;
  /** Its state, where the screen shows one. */
  checked?: boolean;
}

function onScreen(elements: UiElement[], part: OptionPart): OptionOnScreen | undefined {
  const hits = named(elements, part.name);
  if (hits.length !== 1) return undefined;
  // The whole line of the label's words ("Weekly digest"), as one box.
  const label: UiElement = { ...hits[0]!, box: lineBox(elements, hits[0]!) };
  const control = label.state?.checked !== undefined ? label : rowControl(elements, label) ?? label;
  return { ...part, label, control, checked: control.state?.checked };
}

/**
 * The name of an option with a state the screen shows (a chip, a box or switch by its label) under
 * `at`, of a kind in `kinds` (a radio button is another question than the boxes the command ticks).
 */
function otherOption(elements: UiElement[], at: { x: number; y: number }, kinds: Set<UiElement['kind']>): string | undefined {
  const under = elements.filter((e) => inside(at, e.box, 0));
  const chip = under.find((e) => e.state?.checked !== undefined);
  if (chip) return kinds.has(chip.kind) ? chip.text || chip.kind : undefined;
  const word = under.find((e) => e.kind === 'text');
  if (!word) return undefined;
  const control = rowControl(elements, { ...word, box: lineBox(elements, word) });
  return control?.state?.checked !== undefined && kinds.has(control.kind) ? lineOf(elements, elements.indexOf(word)) : undefined;
}

/**
 * In place of a click on an option already as the command wants it, or on one it does not name:
 * the next option that is not as it wants, else the click the command ends on, else the end. In
 * place of an end, once no value is `valuesLeft` to type: an option that is not as the command wants it.
 */
export function optionStates(input: PolicyInput, proposed: PolicyAction, valuesLeft = false): { action: PolicyAction; target?: UiElement; thought: string } | undefined {
  const parts = commandOptions(input.instruction);
  if (!parts.length) return undefined;
  // (Only quoted names are sure to be all the command names: "Tick Apple and the others".)
  const quoted = quotedSpans(input.instruction).length > 0;
  const found = parts.map((p) => onScreen(input.perception.elements, p)).filter((o): o is OptionOnScreen => !!o);
  const state = (on: boolean) => (on ? 'on' : 'off');
  const wrong = found.find((o) => o.checked === !o.want);
  const fix = wrong && { action: clickOn(wrong.control), target: wrong.control, thought: `"${wrong.name}" is ${state(!wrong.want)}; the command wants it ${state(wrong.want)}` };
  // (A form's values come first: its fields, then its boxes.)
  if (proposed.type === 'finished' || proposed.type === 'call_user') return valuesLeft ? undefined : fix;
  if (proposed.type !== 'click') return undefined;
  const on = found.find((o) => inside(proposed.at, o.control.box, 0) || inside(proposed.at, o.label.box, 0));
  // An option the command does not name (every one it quotes is on screen): not to be touched.
  const other = !on && quoted && found.length === parts.length && otherOption(input.perception.elements, proposed.at, new Set(found.map((o) => o.control.kind)));
  if (!other && (!on || on.checked !== on.want)) return undefined;
  const already = other ? `the command does not name "${other}"` : `"${on!.name}" is ${state(on!.want)} already`;
  if (fix) return { ...fix, thought: `${already}; ${fix.thought}` };
  // Every option is as the command wants (those it names and the screen shows): what is left is
  // the click it ends on, if any.
  if (found.length < parts.length || found.some((o) => o.checked === undefined)) return undefined;
  const last = pendingClick(input, { type: 'finished' });
  return last ? { ...last, thought: `${already}; ${last.thought}` } : { action: { type: 'finished' }, thought: `${already}, as is every option the command names` };
}
