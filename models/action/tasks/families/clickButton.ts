// Click the button named in the instruction, among several others.
import { clickOnlyScript, type Family, phrase } from '../family.ts';
import { esc, VERBS } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Click the {label} button',
    'Press {label}',
    'Hit the {lower} button',
    '{lower} it',
    'Click on "{label}"',
    'Find the {label} button and click it',
    'Now {lower} it',
    '{label}',
    'Could you click {label} for me?',
    'Let\'s {lower}: click the button for it',
    'Select the "{label}" button on this page',
    'Activate {label}',
    'Click {label} and nothing else',
    'Go for the {lower} button on this page',
    'The {label} button, please',
    'Press the button that says {label}',
    'Can you hit "{label}"?',
    'Time to {lower}; click the button',
    'Choose {label} among the buttons',
    'Give "{label}" a single click',
  ],
  test: ['Tap {label}', 'Please {lower} it', 'Go ahead and press the "{label}" button', 'Use the {label} button', 'I want to {lower} this'],
};

export const clickButton: Family = {
  name: 'click_button',
  phrasings: [PHRASINGS],
  build({ rng, split, look }) {
    const labels = rng.sample(VERBS, rng.int(3, 7));
    const target = rng.pick(labels);
    const grouped = rng.chance(0.5);
    const body = `<h2>${esc(rng.pick(['Document', 'Report draft', 'Invoice', 'Release notes', 'Photo album']))}</h2>
<div class="${grouped ? 'row' : ''}" style="${grouped ? '' : 'display:grid;grid-template-columns:repeat(2,max-content);gap:.5em'}">${labels.map((l) => `<button class="btn" data-label="${esc(l)}">${esc(l)}</button>`).join('')}</div>`;
    return {
      ...phrase({ rng, split, look }, PHRASINGS, { label: target, lower: target.toLowerCase() }),
      widget: `button:${look.buttonStyle}`,
      body,
      data: { target },
      script: clickOnlyScript('button[data-label]', 'label'),
    };
  },
};
