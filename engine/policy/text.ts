// Words of an instruction or an element's text, with where each came from, and how well two words
// match. OCR misreads letters (l/I, O/0, rn/m), so besides exact and case-folded equality the
// policy gets fuzzy and prefix matches: a small model grounds far better with them than without.

export interface Token {
  /** The word as written. */
  text: string;
  /** Lowercased, with OCR-confusable letters folded. */
  norm: string;
  start: number;
  end: number;
  /** Inside "…", '…', “…” or `…` in the source. */
  quoted: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{N}]/gu;
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '`': '`' };

/** Folds what OCR confuses and case, so "Sign ln" and "sign in" meet (the result is only compared, never shown). */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/rn/g, 'm')
    // A capital I and a lowercase l are the same stroke to OCR ("Sign In" reads "Sign ln").
    .replace(/i/g, 'l')
    .replace(/[|!1](?=\p{L})|(?<=\p{L})[|!1]/gu, 'l')
    .replace(/0(?=\p{L})|(?<=\p{L})0/gu, 'o');
}

/** Folded, with only its letters and digits: "Sign up" and "Sign-up" read the same. */
export const squeeze = (t: string) => fold(t).replace(/[^\p{L}\p{N}]/gu, '');

/** Spans of quoted text: an apostrophe inside a word (don't) never opens a quote. */
export function quotedSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < s.length; i++) {
    const close = QUOTE_PAIRS[s[i]!];
    if (!close) continue;
    if ((s[i] === "'" || s[i] === '’') && i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]!)) continue;
    const j = s.indexOf(close, i + 1);
    if (j < 0) continue;
    spans.push([i + 1, j]);
    i = j;
  }
  return spans;
}

export function tokenize(s: string): Token[] {
  const spans = quotedSpans(s);
  const tokens: Token[] = [];
  for (const m of s.matchAll(WORD)) {
    const start = m.index!;
    const end = start + m[0].length;
    tokens.push({ text: m[0], norm: fold(m[0]), start, end, quoted: spans.some(([a, b]) => start >= a && end <= b) });
  }
  return tokens;
}

export function levenshtein(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How a word of an element matches a word of the instruction: [exact, folded, fuzzy, prefix]. */
export function wordMatch(a: Token, b: Token): [number, number, number, number] {
  const exact = a.text === b.text ? 1 : 0;
  const folded = a.norm === b.norm ? 1 : 0;
  const longest = Math.max(a.norm.length, b.norm.length);
  const fuzzy = folded || (longest >= 4 && levenshtein(a.norm, b.norm, 2) <= (longest >= 7 ? 2 : 1)) ? 1 : 0;
  const short = a.norm.length < b.norm.length ? a.norm : b.norm;
  const long = a.norm.length < b.norm.length ? b.norm : a.norm;
  const prefix = short.length >= 3 && long.startsWith(short) ? 1 : 0;
  return [exact, folded, fuzzy, prefix];
}

/** Words that carry no name: matching them says nothing about which element is meant. */
export const STOPWORDS = new Set(
  'a an the to on in into of for and or at by with from it its this that then me my your field box button please now click press tap hit select choose type enter'.split(' '),
);

/** Whether `t` is one of STOPWORDS, by its own letters (folded, "with" reads "wlth"). */
export const isStopword = (t: Token) => STOPWORDS.has(t.text.toLowerCase());

const CONNECTORS = new Set(['to', 'as', 'is', 'be', 'should', 'with', 'into', 'of', ':', '=', '-', '"', '“', '”', "'", '‘', '’']);

/**
 * The quoted value `instruction` gives right after the words of a field's label (`last name
 * "Lund"`, `Email: "a@b.org"`, `set "Nickname" to "Pixel"`); `tokens` are its words. The longest
 * label match wins, and a tie gives nothing.
 */
export function labelledValue(instruction: string, tokens: Token[], fieldWords: string[]): string | undefined {
  const words = fieldWords.flatMap((w) => tokenize(w)).filter((w) => /[\p{L}\p{N}]/u.test(w.text) && !isStopword(w));
  if (!words.length) return undefined;
  const hit = tokens.map((t) => !isStopword(t) && words.some((w) => wordMatch(w, t)[1]));
  let found: [number, number] | undefined;
  let bestRun = 0;
  let tie = false;
  for (let end = 0; end < tokens.length; end++) {
    if (!hit[end] || hit[end + 1]) continue;
    let run = 0;
    while (end - run >= 0 && hit[end - run]) run++;
    let s = end + 1;
    while (s < tokens.length && CONNECTORS.has(tokens[s]!.text.toLowerCase())) s++;
    // The value is a whole quoted string, and not the label's own words; the label is outside it
    // ("Shared with me" quoted is a name, not the value "me" for a field labelled "Shared").
    if (!tokens[s]?.quoted || s === end + 1 || tokens[end]!.quoted) continue;
    let e = s;
    while (tokens[e + 1]?.quoted && !/^["“”]$/.test(tokens[e + 1]!.text)) e++;
    if (run > bestRun) [found, bestRun, tie] = [[s, e], run, false];
    else if (run === bestRun) tie = true;
  }
  return tie || !found ? undefined : instruction.slice(tokens[found[0]]!.start, tokens[found[1]]!.end);
}

/** The command's text from `from` to `to`, widened to whole words (to the spaces around them), without a closing comma or full stop. */
export function wholeWords(instruction: string, from: number, to: number): string {
  let [a, b] = [from, to];
  while (a > 0 && !/[\s"“”]/.test(instruction[a - 1]!)) a--;
  while (b < instruction.length && !/[\s"“”]/.test(instruction[b]!)) b++;
  return instruction.slice(a, b).replace(/[.,;:!?)]+$/, '');
}

/**
 * The unquoted value that starts at `from` ("Put https://walsh.example.com in Website", "Enter
 * Grace as your name, then …"): whole words up to the next clause, or what it goes into.
 */
export function unquotedValue(instruction: string, from: number): string {
  const rest = instruction.slice(from);
  const end = rest.search(/\s+(?:in|into|as|for|on|then|and|to)\s|[,;]\s|[.!?]?\s*$/i);
  return rest.slice(0, end < 0 ? rest.length : end).trim();
}

/** Whether token `t` is part of a written value rather than a name: an email or web address, a dotted name ("sven.walsh@example.org", "rossi.example.com"). */
export const inWrittenValue = (instruction: string, t: Token) => /@|:\/\/|[\p{L}\p{N}][./][\p{L}\p{N}]/u.test(wholeWords(instruction, t.start, t.end));

/** The runs of capitalised words (and numbers after them) the command gives as names, after its first word: "Garnet 80", "San Jose". */
export function nameRuns(instruction: string): string[] {
  const runs: string[][] = [];
  let run: string[] = [];
  tokenize(instruction).forEach((t, i) => {
    const name = i > 0 && !t.quoted && !isStopword(t) && (/^\p{Lu}/u.test(t.text) || (run.length > 0 && /^\p{N}+$/u.test(t.text)));
    if (name) run.push(t.text);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs.map((r) => r.join(' '));
}
