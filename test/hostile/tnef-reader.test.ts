// The winmail.dat reader on bytes from outside: names as Outlook writes them (a GBK short name, a Unicode long one),
// and streams cut short, lying about their lengths or their property counts, read as far as they are whole.
import { describe, expect, it } from 'vitest';
import { filesInTnef, isTnef } from '../../src/files/tnef.ts';
import { writeTnef } from './write-tnef.ts';

const PDF = Buffer.from('%PDF-1.4 the stamped table');
const DOCX = Buffer.from('PK\x03\x04 the Word table');
const two = () => writeTnef([{ name: '湘阴县专题资源推荐表（盖章）.pdf', content: PDF }, { name: '湘阴县推荐表.docx', content: DOCX, dataIn: 'property' }]);
const summary = (bytes: Buffer) => filesInTnef(bytes).map((f) => [f.name, f.content.toString('latin1')]);

describe('reading the files out of a winmail.dat', () => {
  it('reads each file with its long name, from attAttachData or the PR_ATTACH_DATA_OBJ property', () => {
    expect(isTnef(two())).toBe(true);
    expect(summary(two())).toEqual([['湘阴县专题资源推荐表（盖章）.pdf', PDF.toString('latin1')], ['湘阴县推荐表.docx', DOCX.toString('latin1')]]);
  });

  it('is not fooled by bytes that only start like one', () => {
    expect(isTnef(Buffer.from('Rar!\x1a\x07\x00'))).toBe(false);
    expect(filesInTnef(Buffer.from([0x78, 0x9f, 0x3e, 0x22, 1, 0]))).toEqual([]);
  });

  it('reads a stream cut at any byte as far as it is whole, never throwing', () => {
    const whole = two();
    const counts = new Set<number>();
    for (let end = 0; end <= whole.length; end++) counts.add(filesInTnef(whole.subarray(0, end)).length);
    expect([...counts].sort()).toEqual([0, 1, 2]);
  });

  it('an attribute declaring 4 GB, or a property count of 4 billion, ends the reading, not the process', () => {
    const whole = two();
    const hugeLength = Buffer.from(whole);
    hugeLength.writeUInt32LE(0xffffffff, 6 + 1 + 4); // the first attribute's length
    expect(filesInTnef(hugeLength)).toEqual([]);
    const manyProperties = Buffer.from(whole);
    const attachment = manyProperties.indexOf(Buffer.from([2, 0x05, 0x90, 0x06, 0x00])); // attAttachment, level 2
    manyProperties.writeUInt32LE(0xffffffff, attachment + 1 + 4 + 4);
    expect(summary(manyProperties)[0]).toEqual(['湘阴县专题资源推荐表（盖章）.pdf', PDF.toString('latin1')]);
  });

  it('reads the first 100 attachments of one holding thousands (25 MB of empty ones took 2.4 s and 244 MB)', () => {
    const many = writeTnef(Array.from({ length: 500 }, (_, i) => ({ name: `${i}.pdf`, content: PDF })));
    const files = filesInTnef(many);
    expect(files).toHaveLength(100);
    expect(files.at(-1)!.name).toBe('99.pdf');
  });
});
