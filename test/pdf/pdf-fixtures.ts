// Loads the committed PDF fixtures (written by test/fixtures/make-pdf-files.ts) and the sample filing's PDF.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import type { Attachment } from '../../src/types.ts';

const DIR = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
const SAMPLE_EML = fileURLToPath(new URL('../fixtures/samples/湘阴县-accepted.eml', import.meta.url));

export function pdfFixture(name: string): Attachment {
  return { filename: name, contentType: 'application/pdf', content: readFileSync(DIR + name) };
}

/** The titles of the Word table the fixture PDF stands beside. */
export function wordTitles(name: string): string[] {
  return JSON.parse(readFileSync(DIR + name.replace(/\.pdf$/, '.word-titles.json'), 'utf8')) as string[];
}

export async function samplePdf(): Promise<Attachment> {
  const mail = await simpleParser(readFileSync(SAMPLE_EML));
  const pdf = mail.attachments.find((a) => a.filename?.endsWith('.pdf'));
  if (!pdf?.filename) throw new Error('the sample email has no PDF');
  return { filename: pdf.filename, contentType: pdf.contentType, content: pdf.content };
}
