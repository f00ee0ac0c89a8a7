// Text from an email that the bot quotes back (in replies, findings, the ledger): one line, nothing hidden in it.

/** Control characters (a CR/LF would break a header line, a NUL cut the text) and the marks that reorder displayed
 *  text (U+202E shows "gpj.exe" as "exe.jpg"). */
const UNPRINTABLE = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, ' ').trim();
}
