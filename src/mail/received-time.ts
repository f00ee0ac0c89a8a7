// When the city's server got the email: the topmost Received: header, else Date: (per the verdict contract).

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC5322_DATE =
  /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2}):?(\d{2})|(GMT|UTC?|Z)\b|([A-Za-z]{2,5})\b)?/;

/**
 * Parses an RFC 5322 date. Chinese mailers write `CST` for China Standard Time (+0800), not US Central as
 * JavaScript's Date.parse assumes, and some omit the zone: both are read as +0800.
 */
export function parseMailDate(text: string): Date | null {
  const m = RFC5322_DATE.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return null;
  let year = +m[3];
  if (year < 100) year += year < 50 ? 2000 : 1900;
  let offsetMinutes = 8 * 60;
  if (m[7]) offsetMinutes = (m[7] === '-' ? -1 : 1) * (+m[8] * 60 + +m[9]);
  else if (m[10]) offsetMinutes = 0;
  else if (m[11] && m[11].toUpperCase() !== 'CST') {
    const fallback = Date.parse(text.replace(/\([^)]*\)/g, ''));
    return Number.isNaN(fallback) ? null : new Date(fallback);
  }
  const utc = Date.UTC(year, month, +m[1], +m[4], +m[5], +(m[6] ?? 0)) - offsetMinutes * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc);
}

/** The date after the last `;` of the topmost Received: header, else the Date: header. */
export function receivedTime(topmostReceived: string | undefined, dateHeader: string | undefined): Date | null {
  if (topmostReceived) {
    const stamp = topmostReceived.slice(topmostReceived.lastIndexOf(';') + 1);
    const parsed = parseMailDate(stamp);
    if (parsed) return parsed;
  }
  return dateHeader ? parseMailDate(dateHeader) : null;
}
