// Walks the paragraph properties (PAPX) of a legacy .doc: the PlcBtePapx in the table stream names the FKP pages of
// the WordDocument stream, each page lists paragraph ends and their grpprls ([MS-DOC] 2.9.180, 2.9.175). Hostile
// files exist: a page, run or grpprl that does not fit where it claims to be is skipped, never read past its bounds.
import { readSprms, type Sprm } from './doc-sprms.ts';

/** The streams a .doc keeps its text properties in. */
export interface DocStreams { main: Buffer; table: Buffer; data: Buffer }

/** FibRgFcLcb97's fcPlcfBtePapx and lcbPlcfBtePapx, as word-extractor reads them. */
const FC_PLCF_BTE_PAPX = 0x0102;
const LCB_PLCF_BTE_PAPX = 0x0106;
const PAGE = 512;
/** The low 22 bits of a PnFkpPapx are the page number. */
const PN_MASK = 0x3fffff;
const BX_SIZE = 13;
/** LibreOffice (and Word, for long ones) keeps a paragraph's properties in the data stream behind this sprm. */
const sprmPHugePapx = 0x6646;

/** The distinct FKP page numbers the PlcBtePapx lists; none when it does not fit in the table stream. */
function papxPages({ main, table }: DocStreams): Set<number> {
  const fc = main.readUInt32LE(FC_PLCF_BTE_PAPX);
  const lcb = main.readUInt32LE(LCB_PLCF_BTE_PAPX);
  const count = (lcb - 4) / 8;
  if (!Number.isInteger(count) || count < 0 || fc + lcb > table.length) return new Set();
  const pages = new Set<number>();
  for (let i = 0; i < count; i++) pages.add(table.readUInt32LE(fc + (count + 1) * 4 + i * 4) & PN_MASK);
  return pages;
}

/** A PapxInFkp's grpprl, after its 2-byte istd: its size is 2*cb-1 bytes, or 2*cb' when cb is 0. */
function fkpGrpprl(fkp: Buffer, offset: number): Buffer {
  const cb = fkp[offset];
  const grpprlAndIstd = cb ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp[offset + 1]);
  return grpprlAndIstd.subarray(2);
}

/** Calls back with each paragraph's end (a file offset in the WordDocument stream) and its FKP sprms. */
export function eachParagraphProps(streams: DocStreams, visit: (fcEnd: number, sprms: Sprm[]) => void): void {
  for (const pn of papxPages(streams)) {
    if ((pn + 1) * PAGE > streams.main.length) continue;
    const fkp = streams.main.subarray(pn * PAGE, (pn + 1) * PAGE);
    const runs = fkp[PAGE - 1];
    if ((runs + 1) * 4 + runs * BX_SIZE > PAGE - 1) continue;
    for (let j = 0; j < runs; j++) {
      const offset = fkp[(runs + 1) * 4 + j * BX_SIZE] * 2;
      // Offset 0 means the paragraph has no properties of its own.
      if (offset === 0 || offset + 2 > PAGE) continue;
      visit(fkp.readUInt32LE((j + 1) * 4), readSprms(fkpGrpprl(fkp, offset)));
    }
  }
}

/** The sprms with those stored behind a sprmPHugePapx appended (a PrcData: 2-byte size, then the grpprl). */
export function withHugePapx(sprms: Sprm[], data: Buffer): Sprm[] {
  const huge = sprms.find((sprm) => sprm.code === sprmPHugePapx);
  if (!huge || huge.operand.length < 4) return sprms;
  const at = huge.operand.readUInt32LE(0);
  if (at + 2 > data.length) return sprms;
  const size = data.readUInt16LE(at);
  if (at + 2 + size > data.length) return sprms;
  return [...sprms, ...readSprms(data.subarray(at + 2, at + 2 + size))];
}
