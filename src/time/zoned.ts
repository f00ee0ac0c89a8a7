// Dates as a clerk in the campaign's time zone sees them; the deadline is a local calendar day.

// Building an Intl formatter is costly; one per zone serves every call.
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone: string): Record<string, string> {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** YYYY-MM-DD of `date` in `timeZone`. */
export function localDate(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** How far the zone's wall clock is ahead of UTC at `date`, in ms. */
function offsetMs(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(date.getTime() / 1000) * 1000;
}

// An ISO-8601 time, extended (2022-07-04T18:00:00+08:00) or basic (20220704T180000+0800), to the minute, second or
// a fraction, or a day alone; a space may stand for the T.
const ISO_TIME = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The instant an ISO-8601 time names; one without an offset is a wall-clock time in `timeZone`. Null if `text` is
 *  not such a time or names no real one (2022-02-30, 25:00). */
export function instantOfIsoTime(text: string, timeZone: string): Date | null {
  const m = ISO_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, Math.round(Number(`0${m[7] ?? ''}`) * 1000));
  const back = new Date(asUtc);
  // Date.UTC rolls 30 February over into March; a time that does not come back as written is no time.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || back.getUTCHours() !== hour
    || back.getUTCMinutes() !== minute || back.getUTCSeconds() !== second) return null;
  const zone = m[8];
  if (zone === undefined) {
    // The offset at the guess, then at the instant it gives (they differ only across a change of offset).
    const guess = new Date(asUtc - offsetMs(back, timeZone));
    return new Date(asUtc - offsetMs(guess, timeZone));
  }
  if (zone.toUpperCase() === 'Z') return back;
  const [, sign, hh, mm = '00'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  if (+hh > 23 || +mm > 59) return null;
  return new Date(asUtc - (sign === '-' ? -1 : 1) * (+hh * 60 + +mm) * 60_000);
}

/** ISO-8601 with the zone's offset, e.g. 2022-07-01T14:20:11+08:00. */
export function formatInZone(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  const offsetMinutes = Math.round(offsetMs(date, timeZone) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hhmm}`;
}

/** 2022年7月1日 14:20, for messages. */
export function formatForPeople(date: Date, timeZone: string, seconds = false): string {
  const p = parts(date, timeZone);
  return `${+p.year}年${+p.month}月${+p.day}日 ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** 2022年7月4日 from 2022-07-04. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
