// Text normalisation shared by every comparison of names the county typed: full- and half-width forms,
// white space of every width, straight and curly quotes all compare equal.

const QUOTES = /["'“”‘’「」『』〝〞＂＇`´]/g;
// \s covers U+3000 (ideographic space) and NBSP; the invisible format characters (zero-width spaces and joiners, a
// soft hyphen, direction marks, BOM) and variation selectors are not white space to JS, yet show nothing: a unit name
// with one in it must still be that unit's.
const INVISIBLE_CHARS = '\\p{Cf}\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}';
const SPACE = new RegExp(`[\\s${INVISIBLE_CHARS}]+`, 'gu');
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'gu');

/** The key two names are compared by: NFKC, no white space, no quotes. */
export function nameKey(text: string): string {
  return text.normalize('NFKC').replace(SPACE, '').replace(QUOTES, '');
}

/** Cell text as shown back to people: NFKC-free, but trimmed and with runs of white space folded to one. */
export function cleanCell(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Edit distance, for suggesting the closest valid name. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return prev[b.length];
}
