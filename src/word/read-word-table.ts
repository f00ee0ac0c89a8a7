// Word-reading stage: one attachment in, its recommendation table's rows and header line out, or a short Chinese
// reason why it cannot be opened. Never throws: a hostile or broken file is a normal result.
import { MAX_ATTACHMENT_BYTES } from '../limits.ts';
import type { Attachment, FormSpec, WordReading } from '../types.ts';
import { docxToBlocks } from './docx-to-blocks.ts';
import { findFormTable } from './find-form-table.ts';
import { htmlFileToBlocks, mhtmlFileToBlocks } from './html-file-to-blocks.ts';
import { oleToBlocks } from './ole-to-blocks.ts';
import { rtfToBlocks } from './rtf-to-blocks.ts';
import { sniffWordFormat } from './sniff-word-format.ts';
import type { WordBlock } from './word-blocks.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

const NO_HEADER = { unit: '', contact: '', phone: '' };

/** The content decides the reader, not the name: a .doc is often a .docx, an HTML page or a renamed anything. */
function readBlocks(bytes: Buffer): Promise<WordBlock[]> {
  switch (sniffWordFormat(bytes)) {
    case 'docx': return docxToBlocks(bytes);
    case 'ole': return oleToBlocks(bytes);
    case 'html': return Promise.resolve(htmlFileToBlocks(bytes));
    case 'mhtml': return mhtmlFileToBlocks(bytes);
    case 'rtf': return Promise.resolve(rtfToBlocks(bytes));
    case 'unknown': throw new WordReadError(WORD_REASONS.notWord);
  }
}

export async function readWordTable(attachment: Attachment, form: FormSpec): Promise<WordReading> {
  const file = attachment.filename;
  const bytes = attachment.content;
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { file, ok: false, reason: WORD_REASONS.tooLarge(bytes.length) };
  try {
    const table = findFormTable(await readBlocks(bytes), form);
    if (!table) return { file, ok: true, hasTable: false, header: NO_HEADER, rows: [] };
    return { file, ok: true, hasTable: true, header: table.header, rows: table.rows };
  } catch (err) {
    return { file, ok: false, reason: err instanceof WordReadError ? err.message : WORD_REASONS.unreadable };
  }
}
