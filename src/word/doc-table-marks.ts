// Legacy .doc text marks every cell end and row end with the same 0x07 and word-extractor turns both into tabs, like
// real tab characters. This pass reads the paragraph properties (PAPX) and writes distinct marks into the text, so the
// table can be rebuilt row by row.
import type WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';

type Piece = WordOleExtractor['_pieces'][number];

export const CELL_END = '\ue001';
export const ROW_END = '\ue000';
/** A paragraph break inside a cell, or a soft line break anywhere: a new line in the same cell or paragraph. */
export const LINE_BREAK = '\ue002';

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
/** LibreOffice keeps a row end's properties (with its Ttp flag) in the data stream behind this sprm. */
const sprmPHugePapx = 0x6646;
const sprmTDefTable = 0xd608;

/** The sprm codes in one grpprl, stepping over each operand by its size class (spra). */
function sprmCodes(grpprl: Buffer, from: number): Set<number> {
  const codes = new Set<number>();
  let at = from;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    codes.add(sprm);
    const spra = sprm >> 13;
    if (sprm === sprmTDefTable) at += 1 + grpprl.readUInt16LE(at);
    else if (spra === 6) at += 1 + grpprl.readUInt8(at);
    else at += [1, 1, 2, 4, 2, 2, 0, 3][spra];
  }
  return codes;
}

/** Calls back with each paragraph's file range and sprm codes, from the PAPX FKP pages the FIB points at. */
function eachParagraph(buffer: Buffer, table: Buffer, visit: (fcEnd: number, codes: Set<number>) => void): void {
  const fc = buffer.readUInt32LE(0x0102);
  const lcb = buffer.readUInt32LE(0x0106);
  const pages = (lcb - 4) / 8;
  for (let i = 0; i < pages; i++) {
    const pn = table.readUInt32LE(fc + (pages + 1) * 4 + i * 4);
    const fkp = buffer.subarray(pn * 512, pn * 512 + 512);
    const runs = fkp.readUInt8(511);
    for (let j = 0; j < runs; j++) {
      const end = fkp.readUInt32LE((j + 1) * 4);
      const offset = fkp.readUInt8((runs + 1) * 4 + j * 13) * 2;
      if (offset === 0) continue;
      const cb = fkp.readUInt8(offset);
      const grpprl = cb ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp.readUInt8(offset + 1));
      visit(end, sprmCodes(grpprl, 2));
    }
  }
}

/** Rewrites the pieces' text: row-end 0x07 -> ROW_END, other 0x07 -> CELL_END, in-cell paragraph ends -> LINE_BREAK. */
export function markTableStructure(pieces: Piece[], buffer: Buffer, table: Buffer): void {
  const edits = new Map<Piece, Map<number, string>>();
  eachParagraph(buffer, table, (fcEnd, codes) => {
    const piece = pieces.find((p) => fcEnd > p.startFilePos && fcEnd <= p.endFilePos);
    if (!piece) return;
    const index = (fcEnd - piece.startFilePos) / piece.bpc - 1;
    const mark = piece.text[index];
    const edit = edits.get(piece) ?? new Map<number, string>();
    if (mark === '\x07' && (codes.has(sprmPFTtp) || codes.has(sprmPHugePapx))) edit.set(index, ROW_END);
    else if (mark === '\r' && codes.has(sprmPFInTable)) edit.set(index, LINE_BREAK);
    edits.set(piece, edit);
  });
  for (const piece of pieces) {
    const edit = edits.get(piece);
    const chars = piece.text.split('').map((ch, i) => edit?.get(i) ?? ch);
    piece.text = chars.join('').replace(/\x07/g, CELL_END).replace(/\x0b/g, LINE_BREAK);
  }
}
