/** What perception hands the policy: UI elements in the frame's pixels. */
export const ELEMENT_KINDS = [
  'text', 'button', 'text_field', 'checkbox', 'radio', 'toggle', 'dropdown', 'slider', 'icon', 'scrollbar', 'link', 'tab', 'menu_item', 'list_item',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** [x, y, width, height] in pixels of the image the element was found in. */
export type Box = [number, number, number, number];

export interface UiElement {
  /** Stable across frames while the element's region does not change. */
  id: string;
  kind: ElementKind;
  text: string;
  box: Box;
  confidence: number;
  /** Extra attributes a detector knows, e.g. `checked` for a checkbox. */
  state?: { checked?: boolean; focused?: boolean };
}

export interface Perception {
  width: number;
  height: number;
  elements: UiElement[];
  timings: Record<string, number>;
}
