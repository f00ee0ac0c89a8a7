// .docx damage that keeps the zip valid and breaks what is inside: word/document.xml mangled (bytes, truncation,
// deep nesting, entity bombs, absurd spans, thousands of rows, megabyte runs), parts dropped, doubled or added,
// and an entry that inflates to a hundred megabytes.
import { writeZip, type ZipEntrySpec } from '../test/word/fixture-kit/write-zip.ts';
import { BYTE_MUTATORS, type Mutator } from './fuzz-bytes.ts';
import type { Rng } from './fuzz-random.ts';
import { readZip, type ZipEntry } from './fuzz-zip.ts';

const DOCUMENT = 'word/document.xml';
const MB = 1024 * 1024;
/** The first text run's opening tag, with or without xml:space. */
const TEXT_RUN = /<w:t(?: [^>]*)?>/;

type XmlDamage = (xml: string, rng: Rng) => string;

const insertAt = (xml: string, rng: Rng, text: string) => {
  const at = rng.int(0, xml.length);
  return xml.slice(0, at) + text + xml.slice(at);
};

const XML_DAMAGE: Record<string, XmlDamage> = {
  'xml-bytes': (xml, rng) => rng.pick(BYTE_MUTATORS.slice(0, 5)).apply(Buffer.from(xml), rng).toString('utf8'),
  'xml-truncate': (xml, rng) => xml.slice(0, rng.int(0, xml.length)),
  'xml-deep-nesting': (xml, rng) => {
    const depth = rng.int(1000, 60_000);
    const open = rng.pick(['<w:tbl><w:tr><w:tc>', '<w:p><w:r>', '<w:sdt><w:sdtContent>', '<a>']);
    const closed = rng.chance(0.5) ? open.replace(/<([\w:]+)>/g, '</$1>').split(/(?=<\/)/).reverse().join('') : '';
    return xml.replace('<w:body>', `<w:body>${open.repeat(depth)}${closed.repeat(depth)}`);
  },
  'xml-entity-bomb': (xml) => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    return xml.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE w:document [<!ENTITY l0 "lol">${levels}]>`)
      .replace(TEXT_RUN, '$&&l9;');
  },
  'xml-huge-spans': (xml, rng) => xml.replace(/<w:tcPr>/g, () =>
    `<w:tcPr><w:gridSpan w:val="${rng.pick(['0', '-1', '99999', '4294967296', 'x'])}"/><w:vMerge w:val="${rng.pick(['restart', 'continue'])}"/>`),
  'xml-many-rows': (xml, rng) => {
    const row = /<w:tr[ >][\s\S]*?<\/w:tr>/.exec(xml)?.[0] ?? '';
    return xml.replace(row, row.repeat(rng.int(2000, 20_000)));
  },
  'xml-unbalanced': (xml, rng) => xml.replaceAll(rng.pick(['</w:tc>', '</w:tr>', '</w:tbl>', '</w:p>', '<w:tr>']), ''),
  'xml-long-text': (xml, rng) => xml.replace(TEXT_RUN, `$&${'资'.repeat(rng.int(MB, 6 * MB) / 3)}`),
  'xml-odd-text': (xml, rng) => insertAt(xml, rng, rng.pick(['<![CDATA[', ']]>', '&#0;', '&#xD800;', '&bogus;', '<?pi', '<!--'])),
};

function rebuild(entries: ZipEntry[], rng: Rng): ZipEntrySpec[] {
  const kind = rng.int(0, 4);
  if (kind === 0) return entries.filter((e) => e !== rng.pick(entries));
  if (kind === 1) return [...entries, rng.pick(entries)];
  if (kind === 2) {
    const extra = Array.from({ length: rng.int(3000, 8000) }, (_, i) => ({ name: `word/media/x${i}.bin`, data: Buffer.from([i & 0xff]) }));
    return [...entries, ...extra];
  }
  // An inner bomb: zeros that deflate about 1000:1, declared honestly or as small as a real part.
  const bomb = Buffer.alloc(rng.int(10, 150) * MB);
  const declaredSize = kind === 3 ? undefined : rng.int(1000, 100_000);
  return entries.map((e) => (e.name === DOCUMENT ? { name: DOCUMENT, data: bomb, declaredSize } : e));
}

function withEntries(bytes: Buffer, change: (entries: ZipEntry[]) => ZipEntrySpec[]): Buffer {
  return writeZip(change(readZip(bytes)));
}

export const DOCX_MUTATORS: Mutator[] = [
  ...Object.entries(XML_DAMAGE).map(([name, damage]): Mutator => ({
    name,
    apply: (bytes, rng) => withEntries(bytes, (entries) => entries.map((e) =>
      (e.name === DOCUMENT ? { name: e.name, data: Buffer.from(damage(e.data.toString('utf8'), rng)) } : e))),
  })),
  { name: 'zip-entries', apply: (bytes, rng) => withEntries(bytes, (entries) => rebuild(entries, rng)) },
];
