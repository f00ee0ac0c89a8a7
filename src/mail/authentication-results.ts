// Authentication-Results (RFC 8601): which of an email's headers the receiving server wrote, and what they say.
// Anyone can put such a header in the mail they send; only the receiving server's own are evidence.

export interface MethodResult {
  /** dkim, spf or dmarc, lower-cased. */
  method: string;
  /** pass, fail, softfail, none, neutral, temperror, permerror, ..., lower-cased. */
  result: string;
}

const METHODS = new Set(['dkim', 'spf', 'dmarc']);

/**
 * The DKIM, SPF and DMARC results of the receiving server: with `servers` (its authserv-ids), every header it
 * signed; without, the topmost, which is the one the last server on the way added. Null when there is none.
 */
export function receivingServerResults(headers: readonly string[], servers: readonly string[]): MethodResult[] | null {
  const names = servers.map((s) => s.toLowerCase());
  const ours = names.length > 0 ? headers.filter((h) => names.includes(authServId(h))) : headers.slice(0, 1);
  return ours.length > 0 ? ours.flatMap(methodResults) : null;
}

function authServId(header: string): string {
  return withoutCommentsOrQuotes(header).split(';')[0].trim().split(/\s+/)[0].toLowerCase();
}

function methodResults(header: string): MethodResult[] {
  return withoutCommentsOrQuotes(header).split(';').slice(1).flatMap((part) => {
    const m = /^([a-z0-9-]+)(?:\/\d+)?\s*=\s*([a-z]+)/i.exec(part.trim());
    return m && METHODS.has(m[1].toLowerCase()) ? [{ method: m[1].toLowerCase(), result: m[2].toLowerCase() }] : [];
  });
}

/** Quoted values may hold ';' and comments may hold anything: neither is a result. */
function withoutCommentsOrQuotes(header: string): string {
  let text = header.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  for (let before = ''; before !== text;) [before, text] = [text, text.replace(/\([^()]*\)/g, ' ')];
  return text;
}
