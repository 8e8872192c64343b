// Use a keyboard shortcut: named outright, or named by its action with the keys shown on screen.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const EXPLICIT = {
  train: [
    'Press {keys}',
    'Use the keyboard shortcut {keys}',
    'Hit {keys} on the keyboard',
    '{keys}',
    'Could you press {keys}?',
    'Please hit {keys}',
    'Press the keys {keys} together',
    'I need {keys} pressed',
    'Send the shortcut {keys}',
    'Use {keys}',
    'Do {keys} on the keyboard',
    'Press {keys} once, nothing more',
    'Shortcut: {keys}',
    'Hit the {keys} shortcut now',
    'Press {keys} on this page',
  ],
  test: ['Type the key combination {keys}', 'Trigger {keys}'],
};
const BY_ACTION = {
  train: [
    '{Action} with the keyboard shortcut',
    'Use the shortcut to {action}',
    'Press the shortcut that will {action}',
    'Could you {action} using the keyboard?',
    'I\'d like to {action}; use its key combination',
    'Please {action} with the keys listed on this page',
    'Find the shortcut to {action} on the page and press it',
    'Look up the keys for "{action}" and press them',
    '{Action} by pressing its shortcut keys',
    'Hit the key combo that will {action}',
    'Use the listed shortcut: {action}',
    'Time to {action}: press the right keys',
    'I need to {action}. Use the keyboard shortcut shown',
    'Press the keys that {action}',
  ],
  test: ['{Action} without the mouse', 'Do "{action}" via its hotkey'],
};
const STYLES = { train: ['cheatsheet-table', 'menu-hints'], test: ['kbd-chips', 'footer-legend'] };
// Browser-reserved combinations (ctrl+w, ctrl+t, ctrl+n, ctrl+tab…) are left out: the page never sees them.
const SHORTCUTS: [string, string[]][] = [
  ['save the document', ['ctrl', 's']], ['make the text bold', ['ctrl', 'b']], ['insert a link', ['ctrl', 'k']],
  ['undo the last change', ['ctrl', 'z']], ['open the command palette', ['ctrl', 'shift', 'p']], ['rename the file', ['f2']],
  ['send the message', ['ctrl', 'enter']], ['italicise the text', ['ctrl', 'i']], ['close the panel', ['escape']],
  ['duplicate the line', ['ctrl', 'shift', 'd']], ['toggle the sidebar', ['ctrl', 'e']], ['add a comment', ['ctrl', 'alt', 'm']],
];
const show = (keys: string[]) => keys.map((k) => (k.length === 1 ? k.toUpperCase() : k === 'ctrl' ? 'Ctrl' : k === 'escape' ? 'Esc' : k.charAt(0).toUpperCase() + k.slice(1))).join('+');

export const keyboardShortcut: Family = {
  name: 'keyboard_shortcut',
  phrasings: [EXPLICIT, BY_ACTION],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const listed = rng.sample(SHORTCUTS, rng.int(3, 6));
    const [action, keys] = rng.pick(listed);
    const named = rng.chance(0.5);
    const hint = (a: string, k: string[]) => {
      switch (style) {
        case 'cheatsheet-table': return `<tr><td style="padding:.2em 1em .2em 0">${esc(a.charAt(0).toUpperCase() + a.slice(1))}</td><td class="muted">${show(k)}</td></tr>`;
        case 'menu-hints': return `<div class="row" style="justify-content:space-between;width:22em;padding:.25em 0"><span>${esc(a.charAt(0).toUpperCase() + a.slice(1))}</span><span class="muted">${show(k)}</span></div>`;
        case 'kbd-chips': return `<div style="margin:.3em 0">${k.map((x) => `<kbd style="border:1px solid var(--border);border-bottom-width:3px;border-radius:4px;padding:0 .35em">${show([x])}</kbd>`).join(' + ')} <span class="muted">${esc(a)}</span></div>`;
        default: return `<span style="margin-right:1.5em">${show(k)} <span class="muted">${esc(a)}</span></span>`;
      }
    };
    const list = listed.map(([a, k]) => hint(a, k)).join('');
    const legend = style === 'cheatsheet-table' ? `<table>${list}</table>` : style === 'footer-legend' ? `<div style="margin-top:8em;border-top:1px solid var(--border);padding-top:.4em;font-size:.9em">${list}</div>` : list;
    const p = named ? phrase(ctx, EXPLICIT, { keys: show(keys) }) : phrase(ctx, BY_ACTION, { action, Action: action.charAt(0).toUpperCase() + action.slice(1) });
    return {
      ...p,
      widget: `shortcut:${style}`,
      body: `<div id="doc" tabindex="0" class="panel" style="min-height:5em;outline:none;margin-bottom:1em">${rng.pick(['Meeting notes for Thursday.', 'Dear team, the release is ready.', 'Chapter one: the harbour at dawn.'])}</div><h4>Keyboard shortcuts</h4>${legend}<p id="log" class="muted"></p>`,
      data: { keys, shortcuts: listed.map(([, k]) => k.join('+')) },
      script: `const fired = [];
let pointed = false;
document.addEventListener('pointerdown', () => { pointed = true; });
const MOD = { ctrl: 'ctrlKey', shift: 'shiftKey', alt: 'altKey' };
const keyName = (e) => (e.key === 'Enter' ? 'enter' : e.key === 'Escape' ? 'escape' : e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase());
document.addEventListener('keydown', (e) => {
  if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
  const combo = ['ctrl', 'shift', 'alt'].filter((m) => e[MOD[m]]).concat(keyName(e)).join('+');
  if (T.shortcuts.includes(combo) || e.ctrlKey || e.altKey) { e.preventDefault(); fired.push(combo); OT.$('#log').textContent = 'Last shortcut: ' + combo; }
});
OT.define({
  check: () => fired.length > 0 && fired.every((c) => c === T.keys.join('+')),
  // Keys reach the window under the pointer: click into the document first, as a person would.
  expert: () => (pointed ? { type: 'hotkey', keys: T.keys } : OT.click(OT.$('#doc'), 'document')),
});`,
    };
  },
};
