// Dialogs: start an action and confirm it, or answer a dialog that is already open.
import { type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const CONFIRM = {
  train: [
    '{Verb} the {object} and confirm',
    '{Verb} the {object}; say yes when asked',
    'Click {Verb}, then confirm it',
    'Please {verb} the {object}, and confirm when the dialog asks',
    'Could you {verb} this {object}? Confirm the dialog too',
    '{Verb} this {object} for good, answering yes to the dialog',
    'Press {Verb}; when asked if you are sure, say yes',
    '{Verb} the {object}. Yes, I am sure',
    'I need to {verb} the {object}: start it and confirm',
    'Hit the {Verb} button and confirm the dialog that appears',
    '{Verb} the {object}, clicking the yes button when asked',
    'Select {Verb} and confirm the action',
    'Do {verb} on the {object} and confirm it in the popup',
  ],
  test: ['Go ahead and {verb} the {object}, confirming the prompt', '{Verb} the {object} (approve the confirmation)'],
};
const ANSWER = {
  train: [
    'Click {answer} in the dialog',
    'Answer the popup with {answer}',
    'Choose {answer} in the prompt',
    '{answer}',
    'Press "{answer}"',
    'Could you hit {answer} in this popup?',
    'Please pick {answer}',
    'Select the {answer} button in the dialog',
    'The answer is {answer}',
    'Go for "{answer}" on the popup',
    'Click the {answer} option in the message box',
    'My choice here is {answer}',
    'Hit {answer}',
    'Choose "{answer}" and nothing else',
  ],
  test: ['Respond "{answer}" to the question', 'Close the dialog by choosing {answer}'],
};
const STYLES = { train: ['centered-modal', 'bottom-sheet'], test: ['top-banner', 'side-drawer'] };
const ACTIONS: [string, string][] = [['Delete', 'photo'], ['Archive', 'project'], ['Remove', 'member'], ['Reset', 'password'], ['Cancel', 'subscription'], ['Publish', 'post'], ['Discard', 'draft']];
const QUESTIONS: [string, string[]][] = [
  ['Save changes before closing?', ['Save', "Don't save", 'Cancel']],
  ['This site uses cookies.', ['Accept all', 'Reject all', 'Settings']],
  ['Allow notifications from this app?', ['Allow', 'Block', 'Later']],
  ['Update available. Restart now?', ['Restart', 'Not now']],
  ['Leave this page? Unsent messages are lost.', ['Leave', 'Stay']],
];

const CSS = `.dlg{position:fixed;z-index:10;background:var(--panel);border:1px solid var(--border);box-shadow:0 10px 30px rgba(0,0,0,.35);padding:1.2em;display:none}
.dlg[data-open="1"]{display:block}
.dlg.centered-modal{top:30%;left:50%;transform:translateX(-50%);min-width:22em;border-radius:var(--radius)}
.dlg.bottom-sheet{left:10%;right:10%;bottom:0;border-radius:var(--radius) var(--radius) 0 0}
.dlg.top-banner{left:0;right:0;top:0}
.dlg.side-drawer{top:0;bottom:0;right:0;width:19em}
.shade{position:fixed;inset:0;background:rgba(0,0,0,.35);z-index:9;display:none}
.shade[data-open="1"]{display:block}`;

export const dialog: Family = {
  name: 'dialog',
  phrasings: [CONFIRM, ANSWER],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const confirmKind = rng.chance(0.5);
    const btn = (l: string, role: string) => `<button class="btn" data-role="${role}">${esc(l)}</button>`;
    if (confirmKind) {
      const [verb, object] = rng.pick(ACTIONS);
      const yes = rng.pick([verb, `Yes, ${verb.toLowerCase()}`, 'OK', 'Confirm']);
      const no = rng.pick(['Cancel', 'No', 'Go back', 'Keep it']);
      const others = rng.sample(['Rename', 'Share', 'Duplicate', 'Move'], rng.int(1, 3));
      return {
        ...phrase(ctx, CONFIRM, { Verb: verb, verb: verb.toLowerCase(), object }),
        widget: `dialog:${style}`,
        body: `<h3>${esc(object.charAt(0).toUpperCase() + object.slice(1))}</h3><div class="row">${rng.shuffle([verb, ...others]).map((l) => btn(l, l === verb ? 'start' : 'other')).join('')}</div>
<div class="shade"></div><div class="dlg ${style}"><p><b>${esc(verb)} this ${esc(object)}?</b></p><p class="muted">This cannot be undone.</p><div class="row">${rng.chance(0.5) ? btn(no, 'no') + btn(yes, 'yes') : btn(yes, 'yes') + btn(no, 'no')}</div></div>`,
        css: CSS,
        data: { kind: 'confirm', verb, yes },
        script: SCRIPT,
      };
    }
    const [question, answers] = rng.pick(QUESTIONS);
    const answer = rng.pick(answers);
    return {
      ...phrase(ctx, ANSWER, { answer }),
      widget: `dialog:${style}`,
      body: `<h3>${rng.pick(['Inbox', 'Editor', 'Dashboard'])}</h3><p class="muted">Working area.</p>
<div class="shade" data-open="1"></div><div class="dlg ${style}" data-open="1"><p><b>${esc(question)}</b></p><div class="row">${answers.map((a) => btn(a, a === answer ? 'yes' : 'no')).join('')}</div></div>`,
      css: CSS,
      data: { kind: 'answer', yes: answer },
      script: SCRIPT,
    };
  },
};

const SCRIPT = `const dlg = OT.$('.dlg');
const shade = OT.$('.shade');
const answers = [];
const show = (on) => { dlg.dataset.open = on ? '1' : '0'; shade.dataset.open = on ? '1' : '0'; };
OT.$$('[data-role="start"],[data-role="other"]').forEach((b) => b.addEventListener('click', () => { answers.push(b.dataset.role); if (b.dataset.role === 'start') show(true); }));
OT.$$('.dlg [data-role]').forEach((b) => b.addEventListener('click', () => { answers.push(b.dataset.role); show(false); }));
OT.define({
  check: () => answers.length > 0 && answers.at(-1) === 'yes' && answers.every((a) => a === 'yes' || a === 'start'),
  expert: () => dlg.dataset.open === '1'
    ? OT.click(OT.$('.dlg [data-role="yes"]'), T.yes)
    : OT.click(OT.$('[data-role="start"]'), T.verb),
});`;
