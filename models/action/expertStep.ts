// The expert's answer for one state, in screen pixels: the same shape the task suite's
// `window.operantTask.expert()` returns (after mapping page CSS px to the screen).
export type ExpertStep =
  | { type: 'click' | 'double_click' | 'right_click'; x: number; y: number }
  | { type: 'type'; text: string }
  | { type: 'hotkey'; keys: string[] }
  | { type: 'scroll'; x: number; y: number; direction: 'up' | 'down' | 'left' | 'right'; amount: number }
  | { type: 'drag'; from: { x: number; y: number }; to: { x: number; y: number } }
  | { type: 'finished' };
