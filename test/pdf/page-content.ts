// Adds drawing to an existing PDF page at the level of its content stream and resources, for test files that
// pdf-lib's drawing API cannot make (soft masks, Type3 fonts).
import { PDFDict, PDFName, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';

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
