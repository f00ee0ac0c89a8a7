// The object reader (used by the seal check, and by the font check before pdf.js) sees a PDF as pdf.js does: after an
// incremental update (how seal and signature software adds a seal to a finished file), an object written again, even
// inside a later object stream, is read in its later form, so a scan that gained a seal annotation is not drawn from
// its JPEGs alone; a damaged stream gives what pdf.js reads from it. And it inflates only so much of one document,
// however many streams it holds.
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../src/pdf/pdf-objects.ts';
import { pageScanImages } from '../../src/seal/page-scan-images.ts';
import { isDict } from '../../src/pdf/pdf-syntax.ts';
import { scanPdf } from '../seal/scan-pdf.ts';

/**
 * Appends an incremental update that adds a red stamp annotation to page 1: the annotation and its appearance as
 * plain objects, the page written again inside a new object stream, and a cross-reference stream for them.
 */
async function addStampInUpdate(original: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(original);
  const pageNode = doc.getPage(0).node;
  const pageNum = doc.getPage(0).ref.objectNumber;
  const next = doc.context.largestObjectNumber + 1;
  const [annotNum, formNum, streamNum, xrefNum] = [next, next + 1, next + 2, next + 3];
  pageNode.set(PDFName.of('Annots'), PDFArray.withContext(doc.context));
  pageNode.lookup(PDFName.of('Annots'), PDFArray).push(PDFRef.of(annotNum));
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(Buffer.from(original).toString('latin1'))![1]);
  const parts: string[] = [];
  const offsets = new Map<number, number>();
  let length = original.length;
  const write = (num: number | null, text: string) => {
    if (num !== null) offsets.set(num, length);
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  };
  write(null, '\n');
  write(annotNum, `${annotNum} 0 obj\n<< /Type /Annot /Subtype /Stamp /Rect [500 100 600 200] /F 4 /AP << /N ${formNum} 0 R >> >>\nendobj\n`);
  const drawing = '0.85 0.1 0.12 RG 6 w 50 50 m 50 95 l S';
  write(formNum, `${formNum} 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Length ${drawing.length} >>\nstream\n${drawing}\nendstream\nendobj\n`);
  const header = `${pageNum} 0 `;
  const packed = `${header}${pageNode.toString()}`;
  write(streamNum, `${streamNum} 0 obj\n<< /Type /ObjStm /N 1 /First ${header.length} /Length ${packed.length} >>\nstream\n${packed}\nendstream\nendobj\n`);
  // Entries of 1 + 4 + 2 bytes: type 1 (offset, generation) or type 2 (object stream, index in it).
  const entry = (type: number, field: number, second: number) => [type, field >>> 24, (field >>> 16) & 255, (field >>> 8) & 255, field & 255, second >> 8, second & 255];
  offsets.set(xrefNum, length);
  const rows = [entry(2, streamNum, 0), ...[annotNum, formNum, streamNum, xrefNum].map((num) => entry(1, offsets.get(num)!, 0))];
  const table = Buffer.from(rows.flat()).toString('latin1');
  const root = doc.context.trailerInfo.Root!.toString();
  write(xrefNum, `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /Root ${root} /Prev ${prev} /W [1 4 2] `
    + `/Index [${pageNum} 1 ${annotNum} 4] /Length ${table.length} >>\nstream\n${table}\nendstream\nendobj\n`);
  write(null, `startxref\n${offsets.get(xrefNum)}\n%%EOF\n`);
  return Buffer.concat([original, Buffer.from(parts.join(''), 'latin1')]);
}

describe('object reader after an incremental update', () => {
  it('reads a page written again inside a later object stream as pdf.js does, annotation and all', async () => {
    const pdf = await addStampInUpdate(await scanPdf({ objectStreams: false }));
    const opened = await openPdf(pdf);
    try {
      const page = await opened.document.getPage(1);
      expect((await page.getAnnotations()).map((a) => a.subtype)).toEqual(['Stamp']);
      const objects = new PdfObjects(pdf);
      const pageDict = objects.resolve(page.ref!);
      expect(isDict(pageDict) && objects.resolve(pageDict.get('Annots'))).toHaveLength(1);
      expect(pageScanImages(objects, page.ref!, 50_000_000)).toBeNull();
    } finally {
      await opened.close();
    }
  });

  it('reads the scan as it was before the update', async () => {
    const pdf = await scanPdf({ objectStreams: false });
    const opened = await openPdf(pdf);
    try {
      expect(pageScanImages(new PdfObjects(pdf), (await opened.document.getPage(1)).ref!, 50_000_000)).toHaveLength(1);
    } finally {
      await opened.close();
    }
  });
});

describe('object reader on a flate bomb', () => {
  it('stops inflating object streams once the document has inflated 64 MB, however many it holds', () => {
    // Twenty object streams of 7 MB each (mostly spaces, a few KB deflated), each holding one object: 140 MB if all were read.
    const parts = ['%PDF-1.5\n'];
    for (let k = 1; k <= 20; k++) {
      const header = `${1000 + k} 0 `;
      const data = deflateSync(Buffer.from(`${header}${k}${' '.repeat(7 << 20)}`, 'latin1'));
      parts.push(`${k} 0 obj\n<< /Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        data.toString('latin1'), '\nendstream\nendobj\n');
    }
    const objects = new PdfObjects(Buffer.from(parts.join(''), 'latin1'));
    expect(objects.get({ num: 1001, gen: 0 })?.value).toBe(1);
    expect(objects.get({ num: 1009, gen: 0 })?.value).toBe(9);
    expect(objects.get({ num: 1010, gen: 0 })).toBeNull();
    expect(objects.get({ num: 1020, gen: 0 })).toBeNull();
  });
});

describe('object reader on a damaged stream', () => {
  // pdf.js's inflater checks no checksum and keeps what a cut-off stream held; a font check that read less would not
  // see the font pdf.js goes on to parse (fuzz #118: a damaged font whose stream fails its checksum).
  const content = Buffer.from(Array.from({ length: 400 }, (_, i) => `${i} 0 0 RG `).join(''), 'latin1');
  const streamOf = (data: Buffer) => {
    const pdf = Buffer.concat([Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
      data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    const objects = new PdfObjects(pdf);
    return objects.decoded(objects.get({ num: 1, gen: 0 })!);
  };

  it('reads a stream with a wrong checksum whole, and one cut short as far as it goes', () => {
    const packed = deflateSync(content);
    const wrongSum = Buffer.from(packed);
    wrongSum[wrongSum.length - 1] ^= 0xff;
    expect(streamOf(wrongSum)).toEqual(content);
    const cut = streamOf(packed.subarray(0, packed.length >> 1));
    expect(cut!.length).toBeGreaterThan(100);
    expect(cut).toEqual(content.subarray(0, cut!.length));
  });

  it('reads nothing from a stream whose zlib header pdf.js refuses too', () => {
    const packed = Buffer.from(deflateSync(content));
    packed[0] = 0x79; // compression method 9
    expect(streamOf(packed)).toBeNull();
  });
});
