// Soft masks set in the graphics state (ExtGState /SMask), as vector tools write an opacity mask: a transparency
// group whose luminosity (or alpha) shapes what is drawn after it. Used by the canvas-filter test and the seal corpus.
import { PDFDict, PDFName, type PDFDocument, type PDFObject, type PDFPage, type PDFRef } from 'pdf-lib';

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

/** Appends a content stream to the page, with the named resources added to the page's own. */
export function appendContent(doc: PDFDocument, page: PDFPage, ops: string, resources: Record<string, Record<string, PDFObject>>): void {
  const stream = doc.context.register(doc.context.flateStream(ops));
  const contents = page.node.get(PDFName.of('Contents'));
  page.node.set(PDFName.of('Contents'), doc.context.obj(contents ? [...asArray(doc, contents), stream] : [stream]));
  const own = page.node.Resources() ?? doc.context.obj({});
  page.node.set(PDFName.of('Resources'), own);
  for (const [kind, named] of Object.entries(resources)) {
    let dict = own.lookupMaybe(PDFName.of(kind), PDFDict);
    if (!dict) {
      dict = doc.context.obj({});
      own.set(PDFName.of(kind), dict);
    }
    for (const [name, value] of Object.entries(named)) dict.set(PDFName.of(name), value);
  }
}

function asArray(doc: PDFDocument, contents: PDFObject): PDFObject[] {
  const resolved = doc.context.lookup(contents);
  return resolved && 'asArray' in resolved ? (resolved as unknown as { asArray(): PDFObject[] }).asArray() : [contents];
}
