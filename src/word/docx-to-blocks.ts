// Reads a .docx into blocks: mammoth turns the guarded zip into HTML once, then the shared HTML table code reads it.
import mammoth from 'mammoth';
import { htmlToBlocks } from './html-to-blocks.ts';
import { openDocxZip } from './open-docx-zip.ts';
import type { WordBlock } from './word-blocks.ts';

/** Images are never inflated: a table needs none, and they are most of a .docx's bytes. */
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function docxToBlocks(bytes: Buffer): Promise<WordBlock[]> {
  const file = await openDocxZip(bytes);
  // mammoth accepts an opened zip as { file } (lib/unzip.js); its typings only list path and buffer.
  const input = { file } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, { convertImage: skipImages, externalFileAccess: false });
  return htmlToBlocks(result.value);
}
