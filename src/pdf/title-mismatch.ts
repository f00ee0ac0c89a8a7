// Compares the titles of the Word table with those the PDF's text layer carries, ignoring everything that is only
// layout: white space, full/half width, how a title wrapped in its cell, and even how text was cut into rows.
import { nameKey } from '../rules/normalize.ts';
import type { PdfTable } from './read-pdf-table.ts';

export interface TitleMismatch { missingInPdf: string[]; extraInPdf: string[] }

/** Null when both carry the same titles (order aside), or when the PDF has no text-layer table to compare. */
export function findTitleMismatch(wordTitles: string[], pdf: Pick<PdfTable, 'titles'>): TitleMismatch | null {
  if (!pdf.titles) return null;
  const word = wordTitles.filter((t) => nameKey(t));
  const inPdf = pdf.titles.filter((t) => nameKey(t));
  // The same text read in table order but cut into rows differently is a layout slip of ours, not the county's.
  if (word.map(nameKey).join('') === inPdf.map(nameKey).join('')) return null;
  const missingInPdf = without(word, inPdf);
  const extraInPdf = without(inPdf, word);
  return missingInPdf.length || extraInPdf.length ? { missingInPdf, extraInPdf } : null;
}

/** The titles of `from` left once each title of `other` has taken away one title with the same key. */
function without(from: string[], other: string[]): string[] {
  const left = new Map<string, number>();
  for (const title of other) left.set(nameKey(title), (left.get(nameKey(title)) ?? 0) + 1);
  return from.filter((title) => {
    const count = left.get(nameKey(title)) ?? 0;
    left.set(nameKey(title), count - 1);
    return count <= 0;
  });
}
