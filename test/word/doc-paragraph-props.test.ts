// The PAPX walk of a legacy .doc on made-up streams: what the file claims is checked against where it is.
import { describe, expect, it } from 'vitest';
import { eachParagraphProps, withHugePapx } from '../../src/word/doc-paragraph-props.ts';
import { readSprms, type Sprm } from '../../src/word/doc-sprms.ts';

/** A WordDocument stream whose page 1 is an FKP with one paragraph ending at 0x400 with sprmPFInTable, and its
 * table stream's PlcBtePapx naming page `pn`; `runs` overrides the page's run count. */
function streams(pn: number, runs = 1) {
  const main = Buffer.alloc(1024);
  main.writeUInt32LE(0, 0x102);
  main.writeUInt32LE(12, 0x106);
  const fkp = main.subarray(512);
  fkp.writeUInt32LE(0x3fe, 0);
  fkp.writeUInt32LE(0x400, 4);
  fkp[8] = 0x80;
  // PapxInFkp at 0x100: cb 3 (5 bytes): istd 0, then sprmPFInTable 1.
  fkp.set([3, 0, 0, 0x16, 0x24, 1], 0x100);
  fkp[511] = runs;
  const table = Buffer.alloc(12);
  table.writeUInt32LE(0x3fe, 0);
  table.writeUInt32LE(0x400, 4);
  table.writeUInt32LE(pn, 8);
  return { main, table, data: Buffer.alloc(0) };
}

const visits = (s: ReturnType<typeof streams>) => {
  const seen: Array<[number, number[]]> = [];
  eachParagraphProps(s, (fcEnd, sprms) => seen.push([fcEnd, sprms.map((sprm) => sprm.code)]));
  return seen;
};

describe('eachParagraphProps', () => {
  it('reads a paragraph end and its sprms from an FKP page', () => {
    expect(visits(streams(1))).toEqual([[0x400, [0x2416]]]);
  });

  it('skips a page past the end of the stream and a page claiming more runs than it holds', () => {
    expect(visits(streams(2))).toEqual([]);
    expect(visits(streams(1, 255))).toEqual([]);
  });

  it('reads nothing when the PlcBtePapx claims to run past the table stream', () => {
    const s = streams(1);
    s.main.writeUInt32LE(4, 0x102);
    expect(visits(s)).toEqual([]);
  });
});

describe('readSprms and withHugePapx', () => {
  it('stops before an operand that would run past the grpprl', () => {
    expect(readSprms(Buffer.from([0x16, 0x24, 1, 0x08, 0xd6, 0xff, 0xff, 9])).map((sprm) => sprm.code)).toEqual([0x2416]);
  });

  it('appends the grpprl a sprmPHugePapx points at in the Data stream, and ignores one pointing past it', () => {
    const huge = (at: number): Sprm[] => readSprms(Buffer.from([0x46, 0x66, at, 0, 0, 0]));
    const data = Buffer.from([0xee, 3, 0, 0x17, 0x24, 1]);
    expect(withHugePapx(huge(1), data).map((sprm) => sprm.code)).toEqual([0x6646, 0x2417]);
    expect(withHugePapx(huge(5), data).map((sprm) => sprm.code)).toEqual([0x6646]);
  });
});
