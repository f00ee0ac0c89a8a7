// Blob labelling of the red-ink mask: 8-connected components with their boxes, sizes and first pixels.
import { describe, expect, it } from 'vitest';
import { labelBlobs } from '../../src/seal/ink-blobs.ts';

function mask(rows: string[]): { data: Uint8Array; width: number; height: number } {
  const width = rows[0].length;
  return { data: Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), width, height: rows.length };
}

describe('labelBlobs', () => {
  it('joins diagonal neighbours and U shapes into one blob, keeps apart what does not touch', () => {
    const { data, width } = mask([
      '#...#....',
      '.#..#..##',
      '..###....',
      '.........',
      '#.......#',
    ]);
    const { labels, blobs } = labelBlobs(data, width);
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

  it('finds the same blobs as a flood fill on random masks, sparse to dense', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const density of [0.01, 0.1, 0.3, 0.5, 0.7]) {
      for (const [width, height] of [[1, 40], [40, 1], [37, 23], [64, 64]]) {
        const data = Uint8Array.from({ length: width * height }, () => (random() < density ? 1 : 0));
        const { labels, blobs } = labelBlobs(data, width);
        const expected = floodFill(data, width, height);
        expect(blobs.map(({ x0, y0, x1, y1, pixels, first }) => ({ x0, y0, x1, y1, pixels, first }))).toEqual(expected.blobs);
        // Every pixel carries its blob's label: the flood fill's component numbers, renamed to labels.
        const labelOf = [0, ...blobs.map((b) => b.label)];
        expect([...labels]).toEqual([...expected.component].map((c) => labelOf[c + 1]));
      }
    }
  });
});

/** The plain definition: a breadth-first fill from each unvisited ink pixel in reading order. */
function floodFill(data: Uint8Array, width: number, height: number) {
  const component = new Int32Array(data.length).fill(-1);
  const blobs: { x0: number; y0: number; x1: number; y1: number; pixels: number; first: number }[] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || component[start] >= 0) continue;
    const blob = { x0: width, y0: height, x1: -1, y1: -1, pixels: 0, first: start };
    const queue = [start];
    component[start] = blobs.length;
    while (queue.length) {
      const p = queue.pop()!;
      const x = p % width, y = Math.floor(p / width);
      Object.assign(blob, { x0: Math.min(blob.x0, x), y0: Math.min(blob.y0, y), x1: Math.max(blob.x1, x), y1: Math.max(blob.y1, y) });
      blob.pixels++;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy, q = ny * width + nx;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height || !data[q] || component[q] >= 0) continue;
        component[q] = blobs.length;
        queue.push(q);
      }
    }
    blobs.push(blob);
  }
  return { blobs, component };
}
