// MIME damage to a whole .eml: boundaries lost or lying, headers broken, duplicated or megabytes long, bad
// encodings and charsets, parts nested thousands deep or repeated hundreds of times, odd line endings.
import type { Mutator } from './fuzz-bytes.ts';
import type { Rng } from './fuzz-random.ts';

type MailDamage = (eml: string, rng: Rng) => string;

const headEnd = (eml: string) => {
  const at = eml.search(/\r?\n\r?\n/);
  return at < 0 ? eml.length : at;
};
const splitHead = (eml: string) => [eml.slice(0, headEnd(eml)), eml.slice(headEnd(eml))] as const;
const boundaryOf = (eml: string) => /boundary="?([^";\r\n]+)"?/i.exec(eml)?.[1] ?? null;

function nested(inner: string, depth: number, rng: Rng): string {
  // Each level is a multipart whose only part is the level below; the innermost holds the original message.
  let body = inner;
  for (let level = depth; level > 0; level--) {
    const b = `nest${level}`;
    const type = rng.chance(0.2) ? 'message/rfc822' : `multipart/${rng.pick(['mixed', 'related', 'alternative'])}; boundary="${b}"`;
    body = type.startsWith('message')
      ? `Content-Type: message/rfc822\r\n\r\n${body}`
      : `Content-Type: ${type}\r\n\r\n--${b}\r\n${body}\r\n--${b}--\r\n`;
  }
  return body;
}

const MIME_DAMAGE: Record<string, MailDamage> = {
  'mime-boundary': (eml, rng) => {
    const b = boundaryOf(eml);
    if (!b) return eml;
    switch (rng.int(0, 4)) {
      case 0: return eml.replaceAll(`--${b}--`, '');
      case 1: return eml.replace(`boundary="${b}"`, `boundary="${rng.pick(['', '-', b.slice(0, 3), 'x'.repeat(5000)])}"`);
      case 2: return eml.replace(/boundary="?[^";\r\n]+"?/i, '');
      case 3: return eml.replace(/(\r?\n)([A-Za-z0-9+/]{76}\r?\n)/, `$1--${b}\r\n$2`);
      default: return eml.replaceAll(`--${b}\r\n`, `--${b}\r\n--${b}\r\n`);
    }
  },
  'mime-header-syntax': (eml, rng) => {
    const [head, body] = splitHead(eml);
    const lines = head.split(/\r?\n/);
    const i = rng.int(0, lines.length - 1);
    lines[i] = rng.pick([lines[i].replace(':', ''), `\u0000${lines[i]}`, ` ${lines[i]}`, `${lines[i]}\r`, ':', `${lines[i]};;;;;=`]);
    return lines.join('\r\n') + body;
  },
  'mime-huge-header-line': (eml, rng) => {
    const size = rng.int(256 * 1024, 6 * 1024 * 1024);
    const line = rng.pick([`X-Long: ${'a'.repeat(size)}`, `Subject: ${'=?UTF-8?B?5L2g?= '.repeat(size / 16)}`,
      `References: ${'<a@b> '.repeat(size / 6)}`, `To: ${'x@y.z, '.repeat(size / 7)}`, `X-Folded: ${'a\r\n '.repeat(size / 4)}`]);
    return `${line}\r\n${eml}`;
  },
  'mime-many-headers': (eml, rng) => `${`Received: from a by b; Fri, 1 Jul 2022 10:00:00 +0800\r\n`.repeat(rng.int(1000, 50_000))}${eml}`,
  'mime-encoded-words': (eml, rng) => eml.replace(/^Subject: .*$/m, `Subject: ${rng.pick(['=?UTF-8?B?!!!?=', '=?X-BOGUS?Q?=E4=BD?=',
    '=?UTF-8?Q?=ZZ=?=', '=?GBK?B?' + 'x'.repeat(100_000) + '?=', '=?UTF-7?B?K1pna0...?=', '=?=?=?=?', '=?utf-8*zh?b?5L2g?='])}`),
  'mime-transfer-encoding': (eml, rng) => eml.replace(/Content-Transfer-Encoding: \w+/i,
    `Content-Transfer-Encoding: ${rng.pick(['base64', 'quoted-printable', 'x-uuencode', 'binary', '7bit', 'bogus', ''])}`),
  'mime-charset': (eml, rng) => eml.replace(/charset="?[\w-]+"?/i, `charset=${rng.pick(['utf-32', 'utf-7', 'x-bogus', 'ISO-2022-JP', '""', 'gb18030'])}`),
  'mime-base64-damage': (eml, rng) => eml.replace(/^[A-Za-z0-9+/]{76}(?=\r?$)/gm, (line) =>
    (rng.chance(0.05) ? line.slice(0, rng.int(0, 75)) + rng.pick(['!', '=', '==', '\u0000', '-', '']) : line)),
  'mime-deep-nesting': (eml, rng) => {
    const [head, body] = splitHead(eml);
    const contentType = /^Content-Type:[^\r\n]*(\r?\n[ \t][^\r\n]*)*(\r?\n)?/im;
    const original = head.match(contentType)?.[0].trimEnd() ?? 'Content-Type: text/plain';
    return `${head.replace(contentType, '').trimEnd()}\r\n${nested(`${original}${body}`, rng.int(20, 3000), rng)}`;
  },
  'mime-many-parts': (eml, rng) => {
    const b = boundaryOf(eml);
    const parts = b ? eml.split(`--${b}`) : [];
    if (parts.length < 3) return eml;
    const part = rng.pick(parts.slice(1, -1));
    return eml.replace(`--${b}--`, `${`--${b}${part}`.repeat(rng.int(100, 600))}--${b}--`);
  },
  'mime-line-endings': (eml, rng) => rng.pick([
    () => eml.replace(/\r\n/g, '\n'), () => eml.replace(/\r\n/g, '\r'), () => eml.replace(/\r?\n\r?\n/, '\r\n'),
    () => eml.replace(/\r?\n/g, '\r\r\n'),
  ])(),
};

export const MIME_MUTATORS: Mutator[] = Object.entries(MIME_DAMAGE).map(([name, damage]) => ({
  name,
  apply: (bytes, rng) => Buffer.from(damage(bytes.toString('latin1'), rng), 'latin1'),
}));
