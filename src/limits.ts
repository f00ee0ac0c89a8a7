// Bounds on what one email may make the bot do: a public mailbox receives anything, so every read is capped.

/** An email larger than this is not read whole (the poller fetches its header only); 126 keeps attachments up to
 *  50 MB in the message itself and base64 adds a third, so 60 MB raw is still a filing. */
export const MAX_EMAIL_BYTES = 60 * 1024 * 1024;
/** A Word or PDF attachment larger than this is not opened (the message names the limit). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Sum of the uncompressed sizes declared in a .docx zip directory; more is treated as a decompression bomb. */
export const MAX_UNCOMPRESSED_BYTES = 120 * 1024 * 1024;
/** Largest uncompressed/compressed ratio accepted for a big zip entry (real Word XML compresses ~10-30x). */
export const MAX_COMPRESSION_RATIO = 200;
/** XML elements in the parts of a .docx that mammoth reads: it builds a DOM node for each (~25 µs and ~1.5 KB
 *  apiece), so a document that zips small but holds a million (8,000 copied rows) held a pipeline thread for 25 s
 *  and 1.8 GB. The 62-row form is about 5,000; this bound is some 2,000 such rows. */
export const MAX_WORD_XML_ELEMENTS = 200_000;
/** Word and PDF attachments read per email: a filing is two files; hundreds would hold a worker for minutes. */
export const MAX_FILES_READ = 10;
/** Images larger than this (pixels) are never decoded whole: pdf.js skips them (openPdf's maxImageSize), as a tiny
 *  file can declare a 40000×40000 image that would take gigabytes. A 600 dpi A4 scan is about 35 million pixels. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Pages of one PDF looked at for tables and seals; a table of resources fits in far fewer. */
export const MAX_PDF_PAGES = 50;
/** Wall-clock budget for reading one attachment before it is declared unreadable (by the reader itself when it
 *  yields; the pipeline thread stops a file that does not yield 10 s later). */
export const ATTACHMENT_TIME_LIMIT_MS = 20_000;
/** The reason a file not read within its time limit is named unreadable: one wording, whichever limit stopped it. */
export function readTimeoutReason(limitMs: number): string {
  return `读取超时（文件过于复杂或已损坏，${Math.round(limitMs / 1000)} 秒内未能读完）`;
}
/** Wall-clock budget for deciding one email in the service; past it the work is stopped and the email answered. */
export const EMAIL_TIME_LIMIT_MS = 120_000;
/** Heap of one pipeline thread (PIPELINE_HEAP_MB's default): one hostile file must not take the process's memory. */
export const PIPELINE_HEAP_MB = 1536;
