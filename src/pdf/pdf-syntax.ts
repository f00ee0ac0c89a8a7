// PDF object syntax: parses one value (dictionary, array, name, number, reference, string) or one content-stream
// operator from text in which every character is one byte of the file.

export interface PdfRef { num: number; gen: number }
export interface PdfName { name: string }
export interface PdfOp { op: string }
export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfOp | PdfValue[] | Map<string, PdfValue>;

const SPACE = ' \t\r\n\f\0';
const DELIMITER = '()<>[]{}/%';

export const isName = (v: PdfValue | undefined, name?: string): v is PdfName =>
  typeof v === 'object' && v !== null && 'name' in v && (name === undefined || v.name === name);
export const isRef = (v: PdfValue | undefined): v is PdfRef => typeof v === 'object' && v !== null && 'num' in v;
export const isDict = (v: PdfValue | undefined): v is Map<string, PdfValue> => v instanceof Map;

export function skipSpace(s: string, i: number): number {
  while (i < s.length) {
    if (SPACE.includes(s[i])) i++;
    else if (s[i] === '%') while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    else break;
  }
  return i;
}

function wordEnd(s: string, i: number): number {
  while (i < s.length && !SPACE.includes(s[i]) && !DELIMITER.includes(s[i])) i++;
  return i;
}

/** Parses one value (or a content-stream operator) at position i; returns it and the position after it. */
export function parseValue(s: string, i: number, depth = 0): [PdfValue, number] | null {
  i = skipSpace(s, i);
  if (i >= s.length || depth > 32) return null;
  const c = s[i];
  if (c === '<' && s[i + 1] === '<') {
    const dict = new Map<string, PdfValue>();
    for (i += 2; ;) {
      i = skipSpace(s, i);
      if (s.startsWith('>>', i)) return [dict, i + 2];
      const key = parseValue(s, i, depth + 1);
      if (!key || !isName(key[0])) return null;
      const value = parseValue(s, key[1], depth + 1);
      if (!value) return null;
      dict.set(key[0].name, value[0]);
      i = value[1];
    }
  }
  if (c === '[') {
    const items: PdfValue[] = [];
    for (i++; ;) {
      i = skipSpace(s, i);
      if (s[i] === ']') return [items, i + 1];
      const item = parseValue(s, i, depth + 1);
      if (!item) return null;
      items.push(item[0]);
      i = item[1];
    }
  }
  if (c === '<') {
    const end = s.indexOf('>', i);
    return end < 0 ? null : [s.slice(i + 1, end), end + 1];
  }
  if (c === '(') {
    let nesting = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === '(') nesting++;
      else if (s[j] === ')' && --nesting === 0) return [s.slice(i + 1, j), j + 1];
    }
    return null;
  }
  if (c === '/') {
    const end = wordEnd(s, i + 1);
    return [{ name: s.slice(i + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) }, end];
  }
  const end = wordEnd(s, i);
  if (end === i) return null;
  const word = s.slice(i, end);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
    // "12 0 R" is a reference.
    const ref = /^\s+(\d+)\s+R(?=[\s/<>[\]()%]|$)/.exec(s.slice(end, end + 24));
    if (ref && /^\d+$/.test(word)) return [{ num: Number(word), gen: Number(ref[1]) }, end + ref[0].length];
    return [Number(word), end];
  }
  if (word === 'true' || word === 'false') return [word === 'true', end];
  if (word === 'null') return [null, end];
  return [{ op: word }, end];
}
