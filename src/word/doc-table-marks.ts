// Legacy .doc text marks every cell end and row end with the same 0x07 and word-extractor turns both into tabs, like
// real tab characters. This pass reads the paragraph properties (PAPX) and writes distinct marks into the text, so the
// table can be rebuilt row by row, and reads each row's cell layout from its end-of-row properties.
import type WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { eachParagraphProps, withHugePapx, type DocStreams } from './doc-paragraph-props.ts';
import { rowTapOf, type RowTap } from './doc-row-tap.ts';

type Piece = WordOleExtractor['_pieces'][number];

export const CELL_END = '\ue001';
export const ROW_END = '\ue000';
/** A paragraph break inside a cell, or a soft line break anywhere: a new line in the same cell or paragraph. */
export const LINE_BREAK = '\ue002';

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
/** LibreOffice keeps a row end's properties (with its Ttp flag) in the data stream behind this sprm. */
const sprmPHugePapx = 0x6646;

/**
 * Rewrites the pieces' text: row-end 0x07 -> ROW_END, other 0x07 -> CELL_END, in-cell paragraph ends -> LINE_BREAK.
 * Returns the layout of each row end in the main text (character positions below `bodyEnd`) in text order, so the
 * n-th ROW_END of the body has the n-th layout; null for a row whose properties give none.
 */
export function markTableStructure(pieces: Piece[], streams: DocStreams, bodyEnd: number): (RowTap | null)[] {
  const edits = new Map<Piece, Map<number, string>>();
  const rowTaps = new Map<number, RowTap | null>();
  eachParagraphProps(streams, (fcEnd, sprms) => {
    const piece = pieces.find((p) => fcEnd > p.startFilePos && fcEnd <= p.endFilePos);
    if (!piece) return;
    const index = (fcEnd - piece.startFilePos) / piece.bpc - 1;
    const mark = piece.text[index];
    const codes = new Set(sprms.map((sprm) => sprm.code));
    const edit = edits.get(piece) ?? new Map<number, string>();
    if (mark === '\x07' && (codes.has(sprmPFTtp) || codes.has(sprmPHugePapx))) {
      edit.set(index, ROW_END);
      rowTaps.set(piece.startCp + index, rowTapOf(withHugePapx(sprms, streams.data)));
    } else if (mark === '\r' && codes.has(sprmPFInTable)) {
      edit.set(index, LINE_BREAK);
    }
    edits.set(piece, edit);
  });
  for (const piece of pieces) {
    const edit = edits.get(piece);
    const chars = piece.text.split('').map((ch, i) => edit?.get(i) ?? ch);
    piece.text = chars.join('').replace(/\x07/g, CELL_END).replace(/\x0b/g, LINE_BREAK);
  }
  return [...rowTaps].filter(([cp]) => cp < bodyEnd).sort(([a], [b]) => a - b).map(([, tap]) => tap);
}
