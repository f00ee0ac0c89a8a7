// Reads a web page saved as .doc (plain HTML, or MHTML: a MIME "single file web page") into blocks, decoding the
// page's own charset (GB2312/GBK from Chinese web systems) first.
import iconv from 'iconv-lite';
import { simpleParser } from 'mailparser';
import { htmlToBlocks } from './html-to-blocks.ts';
import type { WordBlock } from './word-blocks.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** The <meta> charset sits in the head, well inside the first few KB. */
const META_PROBE_BYTES = 4096;

function pageCharset(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, META_PROBE_BYTES).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return declared && iconv.encodingExists(declared) ? declared : 'utf-8';
}

export function htmlFileToBlocks(bytes: Buffer): WordBlock[] {
  return htmlToBlocks(iconv.decode(bytes, pageCharset(bytes)));
}

export async function mhtmlFileToBlocks(bytes: Buffer): Promise<WordBlock[]> {
  const page = await simpleParser(bytes, { skipTextToHtml: true, skipImageLinks: true });
  if (typeof page.html !== 'string') throw new WordReadError(WORD_REASONS.notWord);
  return htmlToBlocks(page.html);
}
