// Wraps a family's controls in a themed, laid-out, self-contained page with the runtime script.
import { readFileSync } from 'node:fs';
import type { Rng } from './rng.ts';
import type { FamilyBuild } from './types.ts';
import type { Theme } from './variation.ts';

const RUNTIME = readFileSync(new URL('./runtime.js', import.meta.url), 'utf8');

export interface PageLook {
  theme: Theme;
  font: string;
  fontSize: number;
  layout: string;
  buttonStyle: string;
}

// Filler words are kept apart from every family's target vocabulary, so the page looks lived-in
// without ever making the instruction ambiguous.
const TITLES = ['Acme Console', 'Northwind Portal', 'Bluebird Admin', 'Quartz Workspace', 'Helios Desk', 'Pinecone Hub', 'Orbit Manager', 'Lumen Suite'];
const NAV = ['Overview', 'Activity', 'Library', 'Calendar', 'People', 'Insights', 'Storage', 'Support', 'Roadmap', 'Journal'];
// Header buttons that do nothing: real pages offer many controls besides the one asked for.
const HEADER_BUTTONS = ['Help', 'Sign out', 'Feedback', "What's new", 'Upgrade plan'];
const PROSE = ['Changes are kept for thirty days.', 'Your workspace is up to date.', 'Tip: details appear on the right.', 'Last synced a few minutes ago.', 'All regions report normal status.', 'Drafts are visible only to you.', 'This area is managed by your team.'];

const BUTTONS: Record<string, string> = {
  filled: 'background:var(--accent);color:var(--accentFg);border:none;border-radius:var(--radius)',
  outline: 'background:transparent;color:var(--accent);border:2px solid var(--accent);border-radius:var(--radius)',
  'square-shadow': 'background:var(--panel);color:var(--fg);border:1px solid var(--border);border-radius:0;box-shadow:3px 3px 0 var(--border)',
  soft: 'background:color-mix(in srgb,var(--accent) 20%,var(--panel));color:var(--fg);border:1px solid transparent;border-radius:var(--radius)',
  'pill-gradient': 'background:linear-gradient(90deg,var(--accent),color-mix(in srgb,var(--accent) 45%,var(--border)));color:var(--accentFg);border:none;border-radius:999px',
  'ghost-underline': 'background:none;color:var(--accent);border:none;text-decoration:underline;text-underline-offset:3px',
  beveled: 'background:var(--panel);color:var(--fg);border:3px outset var(--border);border-radius:2px',
};

function themeCss(look: PageLook): string {
  const t = look.theme;
  const btn = BUTTONS[look.buttonStyle];
  if (!btn) throw new Error(`unknown button style ${look.buttonStyle}; add it to BUTTONS in page.ts`);
  return `:root{--bg:${t.bg};--fg:${t.fg};--panel:${t.panel};--muted:${t.muted};--border:${t.border};--accent:${t.accent};--accentFg:${t.accentFg};--input:${t.input};--radius:${t.radius}px}
*{box-sizing:border-box}
html,body{margin:0;background:var(--bg);color:var(--fg);font-family:'${look.font}',sans-serif;font-size:${look.fontSize}px;line-height:1.4}
.btn{${btn};padding:.45em 1em;font:inherit;cursor:pointer;margin:.25em}
input,select,textarea{font:inherit;color:var(--fg);background:var(--input);border:1px solid var(--border);border-radius:var(--radius);padding:.35em .5em}
.panel{background:var(--panel);border:1px solid var(--border);border-radius:var(--radius);padding:1em}
.muted{color:var(--muted)}
.field{display:flex;flex-direction:column;gap:.25em;margin:.5em 0}
.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}
header.top{display:flex;align-items:center;gap:1.5em;padding:.6em 1em;border-bottom:1px solid var(--border);background:var(--panel)}
header.top b{font-size:1.1em}
nav.side{display:flex;flex-direction:column;gap:.6em;padding:1em;border-right:1px solid var(--border);min-width:150px}
nav.side.right{border-right:none;border-left:1px solid var(--border)}
.nav{color:var(--muted)}
main{padding:1em 1.5em;min-width:0}`;
}

function layoutHtml(rng: Rng, look: PageLook, main: string): string {
  const title = rng.pick(TITLES);
  const nav = rng.sample(NAV, rng.int(3, 5)).map((n) => `<span class="nav">${n}</span>`).join('');
  const prose = `<p class="muted">${rng.pick(PROSE)}</p>`;
  const extras = rng.chance(0.7) ? `<span style="margin-left:auto">${rng.sample(HEADER_BUTTONS, rng.int(1, 3)).map((b) => `<button class="btn" style="font-size:.9em">${b}</button>`).join('')}</span>` : '';
  const header = `<header class="top"><b>${title}</b>${look.layout === 'topnav-left' ? nav : ''}${extras}</header>`;
  switch (look.layout) {
    case 'card-center':
      return `${header}<main style="display:flex;justify-content:center"><div class="panel" style="min-width:55%">${main}</div></main>`;
    case 'sidebar-left':
      return `${header}<div style="display:flex"><nav class="side">${nav}</nav><main style="flex:1">${main}${prose}</main></div>`;
    case 'topnav-left':
      return `${header}<main>${prose}${main}</main>`;
    case 'stack-wide':
      return `${header}<main>${prose}<div class="panel">${main}</div><p class="muted">${rng.pick(PROSE)}</p></main>`;
    case 'sidebar-right':
      return `${header}<div style="display:flex"><main style="flex:1">${main}</main><nav class="side right">${nav}</nav></div>`;
    case 'corner-card':
      return `${header}<main style="display:flex;justify-content:flex-end;padding-top:3em"><div class="panel" style="max-width:70%">${prose}${main}</div></main>`;
    case 'two-pane':
      return `<div style="display:flex;min-height:100vh"><nav class="side"><b>${title}</b>${nav}${prose}</nav><main style="flex:1">${main}</main></div>`;
    case 'statusbar-offset':
      return `${header}<main style="margin-left:22%;padding-bottom:3em">${main}</main><div class="muted" style="position:fixed;bottom:0;left:0;right:0;padding:.3em 1em;border-top:1px solid var(--border);background:var(--panel)">${rng.pick(PROSE)}</div>`;
    default:
      throw new Error(`unknown layout ${look.layout}; add it to layoutHtml in page.ts`);
  }
}

/** JSON that is safe inside a <script> element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

export function renderPage(rng: Rng, look: PageLook, build: FamilyBuild): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${rng.pick(TITLES)}</title>
<style>${themeCss(look)}
${build.css ?? ''}</style></head>
<body>${layoutHtml(rng, look, build.body)}
<script>
const T = ${scriptJson(build.data)};
${RUNTIME}
${build.script}
</script></body></html>`;
}
