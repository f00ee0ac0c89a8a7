// Which pages carry only invisible text (a searchable scan's OCR layer), read from pdf.js operator lists.
import { describe, expect, it } from 'vitest';
import { onlyInvisibleText } from '../../src/pdf/invisible-text.ts';
import type { OperatorList } from '../../src/pdf/page-operators.ts';
import { OPS } from '../../src/pdf/pdfjs.ts';

/** An operator list from [operator, args] pairs. */
function ops(...steps: [number, unknown[]?][]): OperatorList {
  return { fnArray: steps.map(([fn]) => fn), argsArray: steps.map(([, args]) => args ?? []), lastChunk: true, separateAnnots: null } as unknown as OperatorList;
}
const show: [number, unknown[]] = [OPS.showText, [[]]];
const mode = (m: number): [number, unknown[]] => [OPS.setTextRenderingMode, [m]];

describe('only invisible text on a page', () => {
  it('is told for text shown in render mode 3 (invisible) or 7 (clip only), and for nothing else', () => {
    expect(onlyInvisibleText(ops(mode(3), show, show))).toBe(true);
    expect(onlyInvisibleText(ops(mode(7), show))).toBe(true);
    expect(onlyInvisibleText(ops(show))).toBe(false);
    expect(onlyInvisibleText(ops(mode(3), show, mode(0), show))).toBe(false);
    expect(onlyInvisibleText(ops([OPS.paintImageXObject, ['img']]))).toBe(false);
  });

  it('follows the render mode through q/Q and form XObjects, which restore it', () => {
    expect(onlyInvisibleText(ops([OPS.save], mode(3), show, [OPS.restore], show))).toBe(false);
    expect(onlyInvisibleText(ops(mode(3), [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 0, 0], null]], mode(0), [OPS.paintFormXObjectEnd], show))).toBe(true);
  });
});
