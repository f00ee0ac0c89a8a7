// A hand-written PDF for attacks pdf-lib will not write (it recurses, or refuses absurd values): object bodies in,
// a file with a correct cross-reference table out.
import { constants, deflateSync, inflateRawSync } from 'node:zlib';

/** Object i + 1 gets body `objects[i]`; object 1 must be the catalog. Bodies are latin1 text. */
export function rawPdf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A stream object body: the dictionary entries given, the data deflated. */
export function flateStream(dictionary: string, data: Buffer): string {
  const packed = deflateSync(data).toString('latin1');
  return `<< ${dictionary} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n${packed}\nendstream`;
}

/** A one-page A4 PDF whose page has these extra resources and this content. */
export function onePagePdf(resources: string, content: string, extra: string[] = [], pageExtra = ''): Buffer {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents 4 0 R ${pageExtra} >>`,
    flateStream('', Buffer.from(content, 'latin1')),
    ...extra,
  ]);
}

/**
 * The PDF with an incremental update that writes its CFF font stream (FontFile3) again, `padding` zero bytes after
 * the font: pdf.js reads the same font (a CFF font finds its parts by offset), but the font check before pdf.js
 * (src/pdf/font-bombs.ts) inflates no more than 8 MB of a stream, so it cannot look at it: what is left to the
 * pipeline thread's own bounds.
 */
export function padFontStream(pdf: Buffer, padding: number): Buffer {
  const text = pdf.toString('latin1');
  const font = /(\d+) 0 obj\s*<<[^>]*\/Subtype\s*\/(Type1C|CIDFontType0C)[^>]*>>\s*stream\r?\n/.exec(text);
  const size = /\/Size\s+(\d+)/.exec(text);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(text);
  const prev = [...text.matchAll(/startxref\s+(\d+)/g)].at(-1);
  if (!font || !size || !root || !prev) throw new Error('no CFF font stream, /Size, /Root or startxref in this PDF');
  const packed = pdf.subarray(font.index + font[0].length, text.indexOf('endstream', font.index));
  const program = inflateRawSync(packed.subarray(2), { finishFlush: constants.Z_SYNC_FLUSH });
  const at = pdf.length + 1;
  const object = `${font[1]} 0 obj\n${flateStream(`/Subtype /${font[2]}`, Buffer.concat([program, Buffer.alloc(padding)]))}\nendobj\n`;
  const update = `\n${object}xref\n0 1\n0000000000 65535 f \n${font[1]} 1\n${String(at).padStart(10, '0')} 00000 n \n`
    + `trailer\n<< /Size ${size[1]} /Root ${root[1]} /Prev ${prev[1]} >>\nstartxref\n${at + object.length}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
