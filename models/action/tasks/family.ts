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
  build(ctx: BuildContext): FamilyBuild;
}

/** Picks a phrasing template from the split's half of `table` and fills its slots. */
export function phrase(ctx: BuildContext, table: SplitTable<string>, slots: Record<string, string>): { instruction: string; phrasing: string } {
  const template = ctx.rng.pick(table[ctx.split]);
  const text = fill(template, slots);
  return { instruction: text.charAt(0).toUpperCase() + text.slice(1), phrasing: template };
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
