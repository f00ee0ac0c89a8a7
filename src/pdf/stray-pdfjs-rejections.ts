// pdf.js, walking the page tree of a damaged PDF, leaves rejected promises of its own behind (page lookups cached
// inside its worker code, image decoders it gave up on) that no caller can reach. Node ends the process on such a
// rejection, long after the file's reading already ended in a reason; these are let go, and every other unhandled
// rejection still ends it.

let installed = false;

/** An error pdf.js made itself: its first stack frame is in pdfjs-dist (its own exception classes, a parser's end of
 *  file, an `unreachable` it reached), not in our code calling it. */
export function isStrayPdfjsRejection(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  const firstFrame = String(reason.stack).split('\n').find((line) => line.trimStart().startsWith('at '));
  return firstFrame?.includes('pdfjs-dist') ?? false;
}

export function letStrayPdfjsRejectionsGo(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isStrayPdfjsRejection(reason)) return;
    // As Node does without a listener: an unhandled rejection is a bug that ends the process.
    throw reason;
  });
}
