// Blob labelling of the red-ink mask: 8-connected components with their boxes, sizes and first pixels.
import { describe, expect, it } from 'vitest';
import { labelBlobs } from '../../src/seal/ink-blobs.ts';

function mask(rows: string[]): { data: Uint8Array; width: number; height: number } {
  const width = rows[0].length;
  return { data: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), width, height: rows.length };
}

describe('labelBlobs', () => {
  it('joins diagonal neighbours and U shapes into one blob, keeps apart what does not touch', () => {
    const { data, width, height } = mask([
      '#...#....',
      '.#..#..##',
      '..###....',
      '.........',
      '#.......#',
    ]);
    const { labels, blobs } = labelBlobs(data, width, height);
    expect(blobs.map(({ x0, y0, x1, y1, pixels, first }) => ({ x0, y0, x1, y1, pixels, first }))).toEqual([
      { x0: 0, y0: 0, x1: 4, y1: 2, pixels: 7, first: 0 },
      { x0: 7, y0: 1, x1: 8, y1: 1, pixels: 2, first: 16 },
      { x0: 0, y0: 4, x1: 0, y1: 4, pixels: 1, first: 36 },
      { x0: 8, y0: 4, x1: 8, y1: 4, pixels: 1, first: 44 },
    ]);
    // Every pixel of a blob carries the blob's label, and only ink is labelled.
    for (const blob of blobs) expect(labels[blob.first]).toBe(blob.label);
    expect(labels[4]).toBe(labels[0]);
    expect([...labels].filter((l) => l !== 0)).toHaveLength(11);
  });
});
