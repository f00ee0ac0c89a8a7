// A hand-written PDF for attacks pdf-lib will not write (it recurses, or refuses absurd values): object bodies in,
// a file with a correct cross-reference table out.
import { deflateSync } from 'node:zlib';

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
