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

/** The instant a wall-clock time without an offset (2022-07-04, 2022-07-04T10:00:00, 2022-07-04 10:00) names in
 *  `timeZone`; null if it is not such a time. */
export function instantOfWallClock(text: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(text)) return null;
  const asUtc = new Date(`${text.length === 10 ? `${text}T00:00` : text.replace(' ', 'T')}Z`);
  if (Number.isNaN(asUtc.getTime())) return null;
  // The offset at the guess, then at the instant it gives (they differ only across a change of offset).
  const guess = new Date(asUtc.getTime() - offsetMs(asUtc, timeZone));
  return new Date(asUtc.getTime() - offsetMs(guess, timeZone));
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
