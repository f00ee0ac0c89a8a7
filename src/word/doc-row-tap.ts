// A legacy .doc table row's cell layout, from the table properties (TAP) on its end-of-row paragraph: the cells'
// edges (sprmTDefTable's rgdxaCenter) and which cells continue a vertical merge from the row above (the TC80 flags
// fVertMerge/fVertRestart, overridden by sprmTVertMerge, which later Word versions write).
import type { Sprm } from './doc-sprms.ts';

export interface RowTap {
  /** Cell boundaries in twips, one more than the cells. */
  edges: number[];
  /** Per cell: true when it is a continuation of the merged cell above it. */
  mergedUp: boolean[];
}

const sprmTDefTable = 0xd608;
const sprmTVertMerge = 0xd62b;
/** Word's limit on the cells in a row. */
const MAX_CELLS = 63;
const TC80_SIZE = 20;
/** TC80.tcgrf bits. */
const F_VERT_MERGE = 0x20;
const F_VERT_RESTART = 0x40;
/** sprmTVertMerge's values: 1 continues the merge above (0 is none, 3 starts one). */
const VERT_MERGE_CONTINUE = 1;

/**
 * TDefTableOperand: cb (2 bytes), itcMac (1), rgdxaCenter (itcMac+1 int16), then up to itcMac TC80s (cells past
 * the last TC80 take default formatting, unmerged). Null when the operand cannot hold what it claims.
 */
function defTable(operand: Buffer): RowTap | null {
  if (operand.length < 3) return null;
  const cells = operand[2];
  const tcStart = 3 + (cells + 1) * 2;
  if (cells < 1 || cells > MAX_CELLS || tcStart > operand.length) return null;
  const edges = Array.from({ length: cells + 1 }, (_, i) => operand.readInt16LE(3 + i * 2));
  if (edges.some((edge, i) => i > 0 && edge <= edges[i - 1])) return null;
  const mergedUp = Array.from({ length: cells }, (_, i) => {
    const at = tcStart + i * TC80_SIZE;
    if (at + TC80_SIZE > operand.length) return false;
    const flags = operand.readUInt16LE(at);
    return (flags & F_VERT_MERGE) !== 0 && (flags & F_VERT_RESTART) === 0;
  });
  return { edges, mergedUp };
}

/** The row's layout from its end-of-row sprms in order (a later sprm overrides an earlier one); null without one. */
export function rowTapOf(sprms: Sprm[]): RowTap | null {
  let tap: RowTap | null = null;
  for (const { code, operand } of sprms) {
    if (code === sprmTDefTable) tap = defTable(operand);
    // Operand: cb (1 byte, 2), itc, vertMerge.
    else if (code === sprmTVertMerge && tap && operand.length >= 3 && operand[1] < tap.mergedUp.length) {
      tap.mergedUp[operand[1]] = operand[2] === VERT_MERGE_CONTINUE;
    }
  }
  return tap;
}
