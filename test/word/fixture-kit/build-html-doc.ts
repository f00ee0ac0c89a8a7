// Builds the "Word file" many web systems export: an HTML page (or a single-file MHTML page) saved under a .doc name.
import iconv from 'iconv-lite';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word-flavoured HTML (o: namespace, MsoNormalTable, <o:p>, conditional comments) with the given paragraphs and table. */
export function wordHtml(before: string[], header: string[], rows: string[][], after: string[]): string {
  const cell = (tag: string, text: string) =>
    `<${tag} width=60 style='border:solid windowtext 1.0pt'><p class=MsoNormal>${escape(text).replace(/\n/g, '<br>')}<o:p></o:p></p></${tag}>`;
  const para = (text: string) => `<p class=MsoNormal><span lang=EN-US>${escape(text)}</span><o:p></o:p></p>\n`;
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><title>推荐表</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style>p.MsoNormal{margin:0cm;font-size:10.5pt;}</style></head>
<body lang=ZH-CN><div class=WordSection1>
${before.map(para).join('')}<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>
<tr>${header.map((h) => cell('td', h)).join('')}</tr>
${rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('\n')}
</table>
${after.map(para).join('')}</div></body></html>`;
}

/** The page encoded as GB2312, as Chinese web systems write it. */
export function gbHtmlDoc(html: string): Buffer {
  return iconv.encode(html, 'gb2312');
}

function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    const ch = byte === 0x0a ? '\n' : byte >= 33 && byte <= 126 && byte !== 61 ? String.fromCharCode(byte)
      : byte === 0x20 ? ' ' : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (ch === '\n') { out += `${line}\r\n`; line = ''; continue; }
    if (line.length + ch.length > 75) { out += `${line}=\r\n`; line = ''; }
    line += ch;
  }
  return out + line;
}

/** A single-file web page (MHTML) wrapping the GB2312 page in quoted-printable, as "save as .doc" from a web system. */
export function mhtmlDoc(html: string): Buffer {
  const boundary = '----=_NextPart_01D88C2F.5A7D3E40';
  return Buffer.from(['MIME-Version: 1.0', `Content-Type: multipart/related; boundary="${boundary}"`, '',
    'This document is a Single File Web Page, also known as a Web Archive file.', '', `--${boundary}`,
    'Content-Location: file:///C:/report.htm', 'Content-Transfer-Encoding: quoted-printable',
    'Content-Type: text/html; charset="gb2312"', '', quotedPrintable(gbHtmlDoc(html)), '', `--${boundary}--`, ''].join('\r\n'),
  'latin1');
}
