// Spans of a .doc table's cells from its rows' layouts, where the real fixtures do not reach: merges that do not line
// up, and layouts too wide to be a form.
import { describe, expect, it } from 'vitest';
import { spanDocTable } from '../../src/word/doc-cell-spans.ts';
import { cellOf } from '../../src/word/word-blocks.ts';

const row = (...texts: string[]) => texts.map(cellOf);

describe('spanDocTable', () => {
  it('keeps a continuation as its own cell when the cell above it is of another width', () => {
    const rows = spanDocTable([row('a', 'b'), row('c', 'd', 'e')], [
      { edges: [0, 200, 300], mergedUp: [false, false] },
      { edges: [0, 100, 200, 300], mergedUp: [true, false, false] },
    ]);
    expect(rows).toEqual([[{ text: 'a', colspan: 2, rowspan: 1 }, cellOf('b')], row('c', 'd', 'e')]);
  });

  it('reads a table whose rows together have more edges than any form has columns as plain cells', () => {
    const taps = Array.from({ length: 70 }, (_, r) => ({ edges: [0, r + 1, 100], mergedUp: [false, true] }));
    const rows = spanDocTable(taps.map(() => row('x', '')), taps);
    expect(rows).toEqual(taps.map(() => row('x', '')));
  });
});
