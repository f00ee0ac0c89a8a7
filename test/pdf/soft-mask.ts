// Soft masks set in the graphics state (ExtGState /SMask), as vector tools write an opacity mask: a transparency
// group whose luminosity (or alpha) shapes what is drawn after it. Used by the canvas-filter test and the seal corpus;
// the content that sets one goes on with appendContent (page-content.ts).
import { type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

/** pdf-lib's dictionary literal (its type is not exported). */
type Literal = NonNullable<Parameters<PDFDocument['context']['flateStream']>[1]>;

export interface SoftMask {
  subtype: 'Luminosity' | 'Alpha';
  /** The mask group's content stream, in the page's coordinates. */
  groupOps: string;
  groupResources?: Literal;
  /** /BC: the backdrop the group is composited over (grey 0-1), where it draws nothing. PDF's default is black. */
  backdrop?: number;
  /** /TR as a type 2 function from C0 to C1 (grey 0-1 to 0-1), e.g. [1, 0] inverts the mask. */
  transfer?: [number, number];
}

/** An ExtGState with this soft mask; its group spans the whole page. */
export function softMaskState(doc: PDFDocument, page: PDFPage, mask: SoftMask): PDFRef {
  const group = doc.context.register(doc.context.flateStream(mask.groupOps, {
    Type: 'XObject', Subtype: 'Form', BBox: [0, 0, page.getWidth(), page.getHeight()],
    Group: { S: 'Transparency', CS: 'DeviceGray' }, Resources: mask.groupResources ?? {},
  }));
  const smask: Literal = { Type: 'Mask', S: mask.subtype, G: group };
  if (mask.backdrop !== undefined) smask.BC = [mask.backdrop];
  if (mask.transfer) smask.TR = { FunctionType: 2, Domain: [0, 1], C0: [mask.transfer[0]], C1: [mask.transfer[1]], N: 1 };
  return doc.context.register(doc.context.obj({ Type: 'ExtGState', SMask: smask }));
}
