// Tells a page whose text is all invisible (render mode 3, or 7: clip only) from one whose text is drawn. A
// searchable scan carries such a layer under its picture: the OCR's guess at the words, not what the county typed,
// so its slips are no mismatch with the Word table.
import type { OperatorList } from './page-operators.ts';
import { OPS, TEXT_SHOW_OPS } from './pdfjs.ts';

const INVISIBLE_MODES = new Set([3, 7]);

export function onlyInvisibleText(ops: OperatorList): boolean {
  let mode = 0;
  const saved: number[] = [];
  let shown = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    // The render mode is part of the graphics state: q/Q and form XObjects save and restore it.
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) saved.push(mode);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) mode = saved.pop() ?? mode;
    else if (fn === OPS.setTextRenderingMode) mode = Number((ops.argsArray[i] as unknown[])[0]);
    else if (TEXT_SHOW_OPS.has(fn)) {
      if (!INVISIBLE_MODES.has(mode)) return false;
      shown = true;
    }
  }
  return shown;
}
