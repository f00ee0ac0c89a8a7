// One fuzz case from (seed, index): a fixture picked, one or two mutations fitted to its format, and the result as
// an .eml (a damaged attachment goes into a county's email beside an intact partner file).
import { composeEml, type EmlAttachment } from '../test/fixtures/email-kit/compose-eml.ts';
import { BYTE_MUTATORS, type Mutator } from './fuzz-bytes.ts';
import { DOCX_MUTATORS } from './fuzz-docx.ts';
import { MIME_MUTATORS } from './fuzz-mime.ts';
import { OLE_MUTATORS } from './fuzz-ole.ts';
import { PDF_MUTATORS } from './fuzz-pdf.ts';
import { caseRng, type Rng } from './fuzz-random.ts';
import type { SeedCorpus, SeedFile, SeedKind } from './fuzz-seeds.ts';
import { ZIP_MUTATORS } from './fuzz-zip.ts';

export interface FuzzCase { index: number; label: string; eml: Buffer }

/** Format-aware mutators listed more than once are drawn more often than the blind byte mutators. */
const MUTATORS: Record<SeedKind, Mutator[]> = {
  eml: [...MIME_MUTATORS, ...MIME_MUTATORS, ...BYTE_MUTATORS],
  docx: [...DOCX_MUTATORS, ...ZIP_MUTATORS, ...BYTE_MUTATORS],
  doc: [...OLE_MUTATORS, ...OLE_MUTATORS, ...OLE_MUTATORS, ...BYTE_MUTATORS],
  pdf: [...PDF_MUTATORS, ...PDF_MUTATORS, ...BYTE_MUTATORS],
};
const KINDS: SeedKind[] = ['eml', 'eml', 'eml', 'docx', 'docx', 'docx', 'doc', 'pdf', 'pdf', 'pdf'];
const CONTENT_TYPES: Record<SeedKind, string> = {
  eml: 'message/rfc822', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword', pdf: 'application/pdf',
};

/** Applies a mutator; one that cannot read its input (a zip mutator on a non-zip seed) gives way to a byte mutator. */
function mutate(bytes: Buffer, kind: SeedKind, rng: Rng, labels: string[]): Buffer {
  const mutator = rng.pick(MUTATORS[kind]);
  try {
    const out = mutator.apply(bytes, rng);
    labels.push(mutator.name);
    return out;
  } catch {
    const fallback = rng.pick(BYTE_MUTATORS);
    labels.push(`${fallback.name}(${mutator.name} n/a)`);
    return fallback.apply(bytes, rng);
  }
}

function wrap(file: SeedFile, bytes: Buffer, corpus: SeedCorpus, rng: Rng): Buffer {
  const attachments: EmlAttachment[] = [{ filename: file.name, contentType: CONTENT_TYPES[file.kind], content: bytes }];
  const partner = file.kind === 'pdf' ? { filename: '湘阴县专题资源推荐表.docx', contentType: CONTENT_TYPES.docx, content: corpus.partners.docx }
    : { filename: '湘阴县专题资源推荐表.pdf', contentType: CONTENT_TYPES.pdf, content: corpus.partners.pdf };
  if (rng.chance(0.9)) attachments.push(partner);
  return composeEml({
    from: 'xyxjyj@126.com', fromName: '湘阴县教育局', subject: '湘阴县专题资源推荐表', date: 'Fri, 1 Jul 2022 10:00:00 +0800',
    received: 'from mx.county.test by mx.126.com; Fri, 1 Jul 2022 10:00:05 +0800', messageId: `<fuzz.${file.name.length}@county.test>`,
    body: '您好，附件是湘阴县专题资源推荐表和盖章扫描件，请查收。', attachments,
  });
}

export function makeCase(corpus: SeedCorpus, seed: number, index: number): FuzzCase {
  const rng = caseRng(seed, index);
  const file = rng.pick(corpus.byKind[rng.pick(KINDS)]);
  const labels: string[] = [];
  let bytes = mutate(file.bytes, file.kind, rng, labels);
  if (rng.chance(0.2)) bytes = mutate(bytes, file.kind, rng, labels);
  if (file.kind !== 'eml') {
    bytes = wrap(file, bytes, corpus, rng);
    if (rng.chance(0.15)) bytes = mutate(bytes, 'eml', rng, labels);
  }
  return { index, label: `${file.name}: ${labels.join(' + ')}`, eml: bytes };
}
