// The reader is chosen by the bytes, whatever the file is called.
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { readWordTable } from '../../src/word/read-word-table.ts';
import { sniffWordFormat } from '../../src/word/sniff-word-format.ts';

describe('sniffWordFormat', () => {
  it('knows a zip (PK) as .docx and an OLE compound file as legacy .doc/.wps', () => {
    expect(sniffWordFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('docx');
    expect(sniffWordFormat(Buffer.from('d0cf11e0a1b11ae10000', 'hex'))).toBe('ole');
  });

  it('knows an HTML page saved as .doc, with or without a BOM, comments or an XML declaration', () => {
    expect(sniffWordFormat(Buffer.from('<html xmlns:o="urn:schemas-microsoft-com:office:office">'))).toBe('html');
    expect(sniffWordFormat(Buffer.from('\ufeff<!DOCTYPE html><html>'))).toBe('html');
    expect(sniffWordFormat(Buffer.from('<!-- saved --><table><tr><td>序号</td></tr></table>'))).toBe('html');
  });

  it('knows an MHTML single-file web page', () => {
    expect(sniffWordFormat(Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n'))).toBe('mhtml');
  });

  it('knows an RTF file, which Word and WPS open whatever its name, and reads it', async () => {
    const rtf = Buffer.from('{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 \\u22269?\\u23478?\\par}', 'latin1');
    expect(sniffWordFormat(rtf)).toBe('rtf');
    const reading = await readWordTable({ filename: '推荐表.doc', contentType: 'application/msword', content: rtf }, loadCampaign().form);
    expect(reading).toMatchObject({ file: '推荐表.doc', ok: true, hasTable: false });
  });

  it('calls anything else unknown', () => {
    expect(sniffWordFormat(Buffer.from('%PDF-1.7'))).toBe('unknown');
    expect(sniffWordFormat(Buffer.alloc(0))).toBe('unknown');
  });
});
