// What a task family is: a builder from a seeded context to the family's controls, data and script.
import type { PageLook } from './page.ts';
import type { Rng } from './rng.ts';
import type { FamilyBuild, Split } from './types.ts';
import { fill, type SplitTable } from './variation.ts';

export interface BuildContext {
  rng: Rng;
  split: Split;
  look: PageLook;
}

export interface Family {
  name: string;
  /** Every phrasing table the family draws instructions from (held-out checks read them). */
  phrasings: readonly SplitTable<string>[];
  /**
   * The goal is a state (boxes ticked, a value chosen): train-split pages may add a button to
   * confirm it with ("…, then click OK"), as dialogs and forms do. The expert sets the state first
   * and presses the button last, which teaches the order a command's parts come in.
   */
  confirmable?: boolean;
  build(ctx: BuildContext): FamilyBuild;
}

/** Buttons that confirm a state, and the ways a command asks for them (train split only). */
const CONFIRM_BUTTONS = ['OK', 'Apply', 'Save', 'Done', 'Confirm', 'Continue', 'Update'];
const CONFIRM_SUFFIXES = [', then click {b}', ' and press {b}', '. Confirm with {b}', ', then hit {b}', ' and click {b} when done', '; finish with {b}', '. Then press {b}', ' and then {b}'];
const CONFIRM_SHARE = 0.35;

/** With `CONFIRM_SHARE` chance, adds a confirm button to a train-split page of a confirmable family. */
export function withConfirm(ctx: BuildContext, family: Family, build: FamilyBuild): FamilyBuild {
  if (ctx.split !== 'train' || !family.confirmable || !ctx.rng.chance(CONFIRM_SHARE)) return build;
  const label = ctx.rng.pick(CONFIRM_BUTTONS);
  const suffix = ctx.rng.pick(CONFIRM_SUFFIXES).replace('{b}', label);
  const ask = (s: string) => s.replace(/[.!]?\s*$/, '') + suffix;
  return {
    ...build,
    instruction: ask(build.instruction),
    alternatives: build.alternatives.map(ask),
    phrasing: ask(build.phrasing),
    body: `${build.body}\n<div style="margin-top:1em"><button class="btn" id="ot-confirm">${label}</button> <span class="muted" id="ot-confirmed"></span></div>`,
    data: { ...(build.data as object), confirm: label },
  };
}

/**
 * Picks a phrasing template from the split's half of `table` and fills its slots. `alternatives`
 * are the half's other templates filled the same way, so one rendered page can be trained with
 * several wordings of the same goal; building them draws no random numbers, which keeps every
 * split's tasks exactly as they were.
 */
export function phrase(ctx: BuildContext, table: SplitTable<string>, slots: Record<string, string>): { instruction: string; phrasing: string; alternatives: string[] } {
  const templates = table[ctx.split];
  const template = ctx.rng.pick(templates);
  const render = (t: string) => {
    const text = fill(t, slots);
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const instruction = render(template);
  const alternatives = [...new Set(templates.map(render))].filter((a) => a !== instruction);
  return { instruction, phrasing: template, alternatives };
}

/** Picks the split's widget style for a family. */
export const widgetStyle = (ctx: BuildContext, table: SplitTable<string>): string => ctx.rng.pick(table[ctx.split]);

/**
 * Page script for "click this one among these": records clicks on the elements matching
 * `selector` by their `data-<key>` value (outlining each clicked one, as apps show a selection),
 * passes when only `T.target` was clicked, and labels the next step as a click on it.
 */
export function clickOnlyScript(selector: string, key: string, description = 'T.target'): string {
  return `const clicked = [];
OT.$$('${selector}').forEach((el) => el.addEventListener('click', (e) => { e.preventDefault(); clicked.push(el.dataset.${key}); el.style.outline = '2px solid var(--accent)'; }));
OT.define({
  check: () => clicked.length > 0 && clicked.every((v) => v === T.target),
  expert: () => OT.click(OT.$$('${selector}').find((el) => el.dataset.${key} === T.target), ${description}),
});`;
}
