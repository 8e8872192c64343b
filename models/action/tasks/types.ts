// The contract of the task suite: what a generated task is, and what its page's expert says to do.
// The policy helper, the evaluation harness and the tests all build on these types only.

export type Split = 'train' | 'test';

/** The variation values a task was drawn from; the test split uses values never drawn for train. */
export interface TaskVariation {
  theme: string;
  font: string;
  layout: string;
  /** The widget style of the family's main control (e.g. `checkbox:switch`, `button:pill`). */
  widget: string;
  /** How every `.btn` on the page is drawn. */
  buttons: string;
  /** The phrasing template of the instruction, before its slots were filled. */
  phrasing: string;
}

export interface TaskSpec {
  id: string;
  family: string;
  split: Split;
  seed: number;
  instruction: string;
  /** Other wordings of the same instruction, from the same split's phrasings; one page, several instructions. */
  alternatives: string[];
  /** One self-contained page: inline CSS and JS, no network. */
  html: string;
  /** The page viewport in CSS pixels (the window is made large enough to show exactly this). */
  viewport: { width: number; height: number };
  /** Where on the screen the window should open (screen pixels); `openTask` options override it. */
  window: { x: number; y: number };
  variation: TaskVariation;
}

/**
 * Inside every page a script defines `window.operantTask = { check, expert }`:
 * `check()` says whether the page reached the goal; `expert()` is a scripted solver that returns
 * the next step from the current DOM state, and `null` once `check()` is true (the label for
 * that state is `finished`).
 */
export type ExpertStep =
  | { type: 'click' | 'double_click' | 'right_click'; x: number; y: number; target?: string }
  | { type: 'type'; text: string }
  | { type: 'hotkey'; keys: string[] }
  | { type: 'scroll'; x: number; y: number; direction: 'up' | 'down' | 'left' | 'right'; amount: number }
  | { type: 'drag'; from: { x: number; y: number }; to: { x: number; y: number } }
  | { type: 'finished' };
// x, y are CSS pixels of the page viewport.

/** What a family's builder returns; `page.ts` wraps it in the theme, layout and runtime. */
export interface FamilyBuild {
  instruction: string;
  phrasing: string;
  /** The same goal in the split's other phrasings of the family (never the instruction itself). */
  alternatives: string[];
  widget: string;
  /** HTML of the task's own controls, placed in the layout's main area. */
  body: string;
  /** Extra CSS for the family's widgets (uses the theme's CSS variables). */
  css?: string;
  /** JSON-serialisable data the page script reads as `T`. */
  data: unknown;
  /** Page JS that calls `OT.define({ check, expert })`, using `T` and the runtime's helpers. */
  script: string;
}
