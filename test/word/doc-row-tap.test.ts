// A .doc row's layout from its table properties: sprmTDefTable's edges and TC80 merge flags, sprmTVertMerge after it.
import { describe, expect, it } from 'vitest';
import { rowTapOf } from '../../src/word/doc-row-tap.ts';
import { readSprms } from '../../src/word/doc-sprms.ts';

/** sprmTDefTable for cells with these TC80 flags, 1000 twips wide each. */
function defTable(flags: number[]): Buffer {
  const body = Buffer.alloc(1 + (flags.length + 1) * 2 + flags.length * 20);
  body[0] = flags.length;
  for (let i = 0; i <= flags.length; i++) body.writeInt16LE(i * 1000, 1 + i * 2);
  flags.forEach((f, i) => body.writeUInt16LE(f, 1 + (flags.length + 1) * 2 + i * 20));
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0xd608, 0);
  head.writeUInt16LE(body.length + 1, 2);
  return Buffer.concat([head, body]);
}
const vertMerge = (itc: number, value: number) => Buffer.from([0x2b, 0xd6, 2, itc, value]);
const tap = (...parts: Buffer[]) => rowTapOf(readSprms(Buffer.concat(parts)));

describe('rowTapOf', () => {
  it('takes fVertMerge without fVertRestart as a continuation, with the cell edges', () => {
    expect(tap(defTable([0x60, 0x20, 0]))).toEqual({ edges: [0, 1000, 2000, 3000], mergedUp: [false, true, false] });
  });

  it('lets a later sprmTVertMerge set or clear a cell\'s continuation', () => {
    expect(tap(defTable([0, 0x20, 0]), vertMerge(0, 1), vertMerge(1, 3))?.mergedUp).toEqual([true, false, false]);
  });

  it('gives no layout for a row claiming more cells than Word allows or than its operand holds', () => {
    const tooMany = defTable([0, 0]);
    tooMany[4] = 200;
    expect(tap(tooMany)).toBeNull();
    expect(tap(Buffer.from([0x08, 0xd6, 2, 0, 9]))).toBeNull();
  });
});
