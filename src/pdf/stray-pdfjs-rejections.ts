// pdf.js, walking the page tree of a damaged PDF, leaves rejected promises of its own behind (page lookups cached
// inside its worker code) that no caller can reach. Node ends the process on such a rejection, long after the
// file's reading already ended in a reason; these are let go, and every other unhandled rejection still ends it.

/** pdf.js's own exception classes (BaseException subclasses), created inside pdfjs-dist. */
const PDFJS_ERRORS = new Set(['XRefEntryException', 'XRefParseException', 'FormatError', 'InvalidPDFException',
  'UnknownErrorException', 'PasswordException', 'MissingPDFException', 'ResponseException', 'AbortException']);

let installed = false;

const fromPdfjs = (reason: unknown) =>
  reason instanceof Error && PDFJS_ERRORS.has(reason.name) && String(reason.stack).includes('pdfjs-dist');

export function letStrayPdfjsRejectionsGo(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (fromPdfjs(reason)) return;
    // As Node does without a listener: an unhandled rejection is a bug that ends the process.
    throw reason;
  });
}
