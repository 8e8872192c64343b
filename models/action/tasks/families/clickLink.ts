// Follow the link named in the instruction: links sit in prose, in a list or in a footer.
import { clickOnlyScript, type Family, phrase, widgetStyle } from '../family.ts';
import { esc } from '../vocab.ts';

const PHRASINGS = {
  train: [
    'Click the "{label}" link',
    'Open the {label} link',
    'Follow the link to {label}',
    'Click the {label} link text',
    'Take me to {label}',
    '{label} link',
    'Could you open "{label}" for me?',
    'I need the {label} link',
    'Please click the {label} link',
    'Click the link named {label} on this page',
    'Hit the "{label}" link',
    'Select the link that reads {label}',
    'Jump to {label} using the link',
    'I\'d like to read {label}',
    'Follow "{label}"',
    'Activate the {label} hyperlink',
    'Show me {label} by clicking its link',
  ],
  test: ['Go to {label}', 'Navigate to "{label}" via its link', 'Visit the {label} page'],
};
const STYLES = { train: ['inline-prose', 'link-list'], test: ['footer-columns', 'breadcrumb'] };
const LINKS = ['Pricing', 'Privacy policy', 'Terms of service', 'Contact us', 'Documentation', 'Release notes', 'Careers', 'Status page', 'Community forum', 'Press kit', 'Accessibility', 'Security', 'Partners', 'Blog', 'Tutorials', 'Changelog'];

export const clickLink: Family = {
  name: 'click_link',
  phrasings: [PHRASINGS],
  build(ctx) {
    const { rng } = ctx;
    const style = widgetStyle(ctx, STYLES);
    const labels = rng.sample(LINKS, rng.int(4, 8));
    const target = rng.pick(labels);
    const a = (l: string) => `<a href="#${esc(l.toLowerCase().replace(/\W+/g, '-'))}" data-label="${esc(l)}" style="color:var(--accent)">${esc(l)}</a>`;
    let body: string;
    switch (style) {
      case 'inline-prose':
        body = `<p>Read more in our ${labels.slice(0, -1).map(a).join(', ')} or ${a(labels.at(-1)!)} before you start. Links open in this tab.</p>`;
        break;
      case 'link-list':
        body = `<h3>Resources</h3><ul>${labels.map((l) => `<li style="margin:.3em 0">${a(l)}</li>`).join('')}</ul>`;
        break;
      case 'footer-columns':
        body = `<div style="display:grid;grid-template-columns:repeat(3,1fr);gap:.6em 2em;border-top:1px solid var(--border);padding-top:1em">${labels.map(a).join('')}</div>`;
        break;
      default:
        body = `<nav style="font-size:1.05em">${labels.map(a).join(' <span class="muted">›</span> ')}</nav>`;
    }
    return {
      ...phrase(ctx, PHRASINGS, { label: target }),
      widget: `link:${style}`,
      body,
      data: { target },
      script: clickOnlyScript('a[data-label]', 'label'),
    };
  },
};
