// The renderer's Content Security Policy, in one place: the HTML meta tag (written by the Vite
// renderer config) and the response header (set by the main process) are both built here.

export interface CspOptions {
  /** The Vite dev server injects styles at run time and React's refresh preamble inline. */
  dev: boolean;
  /** sha256 sources ("'sha256-…'") of inline scripts the dev server injects. */
  devScriptHashes?: readonly string[];
}

export function buildCsp({ dev, devScriptHashes = [] }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", ...(dev ? devScriptHashes : [])],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // Step thumbnails arrive as PNG data URLs.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
