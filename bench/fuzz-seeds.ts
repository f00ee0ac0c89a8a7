// The fuzzer's seed corpus: the project's own email, Word and PDF fixtures, read once per process.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type SeedKind = 'eml' | 'docx' | 'doc' | 'pdf';
export interface SeedFile { name: string; kind: SeedKind; bytes: Buffer }
export interface SeedCorpus {
  byKind: Record<SeedKind, SeedFile[]>;
  /** An intact Word table and stamped PDF of one county, sent beside a damaged file so the pipeline goes deep. */
  partners: { docx: Buffer; pdf: Buffer };
}

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const KIND_OF: Record<string, SeedKind> = { '.eml': 'eml', '.docx': 'docx', '.doc': 'doc', '.wps': 'doc', '.pdf': 'pdf' };
/** Seal samples of each kind (electronic, scanned, vector) beside the PDF fixtures, and a scan saved as JPEG 2000
 *  (its mutations reach pdf.js's OpenJPEG decoder). */
const SEAL_SEEDS = ['001-stamped-electronic.pdf', '071-stamped-scan.pdf', '126-stamped-vector.pdf', '191-trap-red-header.pdf'];
const JPX_SEEDS = ['071-stamped-scan.pdf'];
/** Fuzz finds kept as fixtures (seed 7 case 189, seed 1 case 118): they hold the pipeline for its whole file limit
 *  or heap, as would every mutation of them. */
const NOT_SEEDS = ['cff-font-parse-takes-minutes.pdf', 'cff-font-bloats-heap.pdf'];

function filesIn(dir: string, only?: string[]): SeedFile[] {
  return readdirSync(join(FIXTURES, dir)).sort()
    .filter((name) => (only ? only.includes(name) : KIND_OF[/\.\w+$/.exec(name)?.[0] ?? ''] && !NOT_SEEDS.includes(name)))
    .map((name) => ({ name, kind: KIND_OF[/\.\w+$/.exec(name)![0]], bytes: readFileSync(join(FIXTURES, dir, name)) }));
}

export function loadSeedCorpus(): SeedCorpus {
  const jpx = filesIn('seal/jpx', JPX_SEEDS).map((file) => ({ ...file, name: `jpx-${file.name}` }));
  const all = [...filesIn('eml'), ...filesIn('samples'), ...filesIn('word'), ...filesIn('pdf'), ...filesIn('seal', SEAL_SEEDS), ...jpx];
  const byKind: SeedCorpus['byKind'] = { eml: [], docx: [], doc: [], pdf: [] };
  for (const file of all) byKind[file.kind].push(file);
  return {
    byKind,
    partners: {
      docx: readFileSync(join(FIXTURES, 'word/湘阴县专题资源推荐表.docx')),
      pdf: readFileSync(join(FIXTURES, 'seal/xiangyin-sample.pdf')),
    },
  };
}
