// One-page scans made for the tests of the seal check's own PDF reading: a single JPEG over the whole page, and
// optionally a black mark drawn beside it or annotations over it.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, rgb } from 'pdf-lib';

export async function scanJpeg(): Promise<Buffer> {
  const canvas = createCanvas(600, 420);
  const g = canvas.getContext('2d');
  g.fillStyle = 'rgb(250, 248, 240)';
  g.fillRect(0, 0, 600, 420);
  g.strokeStyle = 'rgb(210, 30, 40)';
  g.lineWidth = 6;
  g.beginPath();
  g.arc(150, 120, 80, 0, 2 * Math.PI);
  g.stroke();
  return canvas.encode('jpeg', 80);
}

/** An annotation over the scan: its type and flags (F 4: printed and shown; 2: hidden), with a red appearance. */
export interface Annotation { subtype: string; flags: number }

export async function scanPdf(options: { objectStreams: boolean; text?: boolean; annotations?: Annotation[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  page.drawImage(await doc.embedJpg(await scanJpeg()), { x: 0, y: 0, width: 842, height: 595 });
  if (options.text) page.drawRectangle({ x: 20, y: 20, width: 40, height: 10, color: rgb(0, 0, 0) });
  for (const { subtype, flags } of options.annotations ?? []) {
    const appearance = doc.context.register(doc.context.stream('0.8 0.1 0.1 rg 0 0 50 50 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 50, 50] }));
    page.node.addAnnot(doc.context.register(doc.context.obj({
      Type: 'Annot', Subtype: PDFName.of(subtype), Rect: [500, 100, 550, 150], F: flags, AP: { N: appearance },
    })));
  }
  return doc.save({ useObjectStreams: options.objectStreams });
}
