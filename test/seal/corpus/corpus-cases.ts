// The labelled cases of the seal corpus, drawn from one seed: stamped pages in every form and unstamped pages,
// many of them traps (red header, red rules, red table text, red handwriting, small red logos, tinted paper,
// grey-scale scans, photos in coloured light, a draft's watermark, an outline pie chart).
import { makeRng, type Rng } from './prng.ts';
import { randomSeal, type Rgb, type SealSpec } from './seal-layout.ts';
import { handwriting, logo, pieChart, rule, watermark, type Trap } from './trap-marks.ts';
import type { BaseKind } from './base-pages.ts';
import type { ScanLook } from './scan-page.ts';
import type { SealAnnotation } from './annotation-marks.ts';

export type Form = 'electronic' | 'vector' | 'scan';
export type PictureForm = 'soft-mask' | 'type3-glyph';

export interface CorpusCase {
  name: string;
  kind: string;
  form: Form;
  base: BaseKind;
  pages: number;
  seed: number;
  seals: { page: number; spec: SealSpec; cx: number; cy: number }[];
  traps: { page: number; mark: Trap }[];
  paper?: Rgb;
  uneven: number;
  scan?: ScanLook;
  /** The seals and marks go on as annotations over the page (a seal as this kind), not into the page itself. */
  sealAs?: SealAnnotation;
  /** How seal pictures (and emblems) of an electronic case are put on: shaped by an opacity mask (a luminosity soft
   *  mask) or as a Type3 font's glyph, instead of as an image with its own alpha. */
  pictureAs?: PictureForm;
  /** A scan made searchable: the recognised words as invisible text over each page's picture. */
  ocrLayer?: boolean;
  /** Pages that carry a seal the check must find. */
  sealPages: number[];
  greyscaleOnly: boolean;
}

/** A4 landscape, as the recommendation table is exported. */
const PAGE_W = 297, PAGE_H = 210;
const PAPERS: Rgb[] = [[255, 255, 255], [250, 244, 226], [253, 232, 236], [238, 238, 236], [236, 243, 250], [250, 236, 240]];
/** White paper as a colour scanner sees it: never exactly neutral. */
const SCANNER_WHITE: Rgb = [252, 250, 245];
const BASES_PAGES: Record<BaseKind, number> = { template: 1, table: 2, 'red-header': 2, 'red-text': 2, 'red-lines': 2 };

/** Seal centre: anywhere, or so close to an edge that up to about a third of the ring is off the page. */
function sealPlace(rng: Rng, spec: SealSpec, avoidTop: boolean): [number, number] {
  const r = spec.widthMm / 2;
  if (rng.chance(0.2)) {
    const d = r * rng.range(0.5, 0.95);
    return rng.pick<[number, number]>([[d, rng.range(r, PAGE_H - r)], [PAGE_W - d, rng.range(r, PAGE_H - r)],
      [rng.range(r, PAGE_W - r), avoidTop ? PAGE_H - d : d], [rng.range(r, PAGE_W - r), PAGE_H - d]]);
  }
  return [rng.range(r + 3, PAGE_W - r - 3), rng.range(avoidTop ? 60 : r + 3, PAGE_H - r - 3)];
}

/** Where a clerk stamps: over 填表单位 and the first rows of the table (mm from the top-left corner). */
function overTable(rng: Rng): [number, number] {
  return [rng.range(25, 110), rng.range(32, 62)];
}

/** A scan saved with heavy JPEG compression, as phone scanning apps and mail size limits leave it: the colour of
 *  thin strokes survives only where they fill much of a JPEG colour block. */
function compressed(rng: Rng): Partial<ScanLook> {
  return { dpi: rng.pick([100, 100, 150]), quality: rng.pick([1, 2, 5, 10, 20]), noise: rng.range(8, 18), paper: [248, 245, 236] };
}

/** A phone photo of the printed page: the light's cast as the camera's white balance leaves it (a warm lamp or cool
 *  shade) and a shadow falling across the page. */
function photographed(rng: Rng): Partial<ScanLook> {
  const gain: Rgb = rng.chance(0.6) ? [1, rng.range(0.78, 0.9), rng.range(0.52, 0.72)] : [rng.range(0.78, 0.9), rng.range(0.9, 0.96), 1];
  return { dpi: rng.pick([150, 200]), paper: SCANNER_WHITE, noise: rng.range(4, 12), light: { gain, far: rng.range(0.6, 1) } };
}

/** A phone photo held crooked: turned by 3 to 7 degrees either way, more than a scanner's feed turns a page. */
function heldCrooked(rng: Rng): Partial<ScanLook> {
  return { ...photographed(rng), angleDeg: (rng.chance(0.5) ? -1 : 1) * rng.range(3, 7) };
}

interface CaseOptions {
  base?: BaseKind;
  traps?: ((r: Rng) => Trap)[];
  grey?: boolean;
  paper?: boolean;
  /** Seal over the table's header line and first rows instead of anywhere. */
  overTable?: boolean;
  look?: (r: Rng) => Partial<ScanLook>;
  sealAs?: SealAnnotation;
  pictureAs?: PictureForm;
  ocrLayer?: boolean;
}

function scanLook(rng: Rng, grey: boolean): ScanLook {
  return {
    dpi: rng.pick([150, 150, 200, 300]), angleDeg: rng.range(-2.5, 2.5), noise: rng.range(2, 14),
    quality: rng.int(55, 88), paper: rng.chance(0.5) ? SCANNER_WHITE : rng.pick(PAPERS), grey,
  };
}

export function corpusCases(seed: number): CorpusCase[] {
  const rng = makeRng(seed);
  const cases: CorpusCase[] = [];
  const add = (kind: string, form: Form, stamped: boolean, opts: CaseOptions = {}) => {
    const base = opts.base ?? rng.pick<BaseKind>(['template', 'table', 'table', 'red-text', 'red-lines', 'red-header']);
    const pages = rng.chance(0.3) ? BASES_PAGES[base] : 1;
    const sealPage = rng.chance(0.7) ? pages : 1;
    const seals = [];
    if (stamped) {
      const spec = randomSeal(rng);
      const [cx, cy] = opts.overTable ? overTable(rng) : sealPlace(rng, spec, base === 'red-header');
      seals.push({ page: sealPage, spec, cx, cy });
    }
    const traps = (opts.traps ?? []).map((make) => ({ page: rng.int(1, pages), mark: make(rng) }));
    const grey = opts.grey ?? false;
    cases.push({
      name: `${String(cases.length + 1).padStart(3, '0')}-${kind}`, kind, form, base, pages, seed: rng.int(1, 1e9), seals, traps,
      paper: opts.paper && form !== 'scan' ? rng.pick(PAPERS.slice(1)) : undefined,
      uneven: form === 'scan' ? rng.range(0, 0.5) : rng.chance(0.3) ? rng.range(0, 0.3) : 0,
      scan: form === 'scan' ? { ...scanLook(rng, grey), ...(opts.paper ? { paper: rng.pick(PAPERS.slice(1)) } : {}), ...opts.look?.(rng) } : undefined,
      sealAs: opts.sealAs, pictureAs: opts.pictureAs, ocrLayer: opts.ocrLayer, sealPages: stamped && !grey ? [sealPage] : [], greyscaleOnly: grey,
    });
  };
  const hand = (r: Rng) => handwriting(r, PAGE_W, PAGE_H);
  const line = (r: Rng) => rule(r, PAGE_W, PAGE_H);
  const badge = (r: Rng) => logo(r, PAGE_W, PAGE_H);
  for (let i = 0; i < 70; i++) add('stamped-electronic', 'electronic', true, { traps: rng.chance(0.2) ? [hand] : [], paper: rng.chance(0.15) });
  for (let i = 0; i < 55; i++) add('stamped-scan', 'scan', true, { traps: rng.chance(0.15) ? [line] : [] });
  for (let i = 0; i < 45; i++) add('stamped-vector', 'vector', true, { traps: rng.chance(0.15) ? [badge] : [] });
  for (let i = 0; i < 20; i++) add('plain', rng.pick<Form>(['electronic', 'vector', 'scan']), false, { base: rng.pick<BaseKind>(['template', 'table']) });
  for (const form of ['electronic', 'scan'] as Form[]) {
    for (let i = 0; i < 5; i++) add('trap-red-header', form, false, { base: 'red-header', traps: [line] });
    for (let i = 0; i < 4; i++) add('trap-red-table-text', form, false, { base: 'red-text' });
    for (let i = 0; i < 4; i++) add('trap-red-lines', form, false, { base: 'red-lines', traps: [line, line] });
    for (let i = 0; i < 5; i++) add('trap-red-handwriting', form, false, { traps: [hand, hand] });
    for (let i = 0; i < 5; i++) add('trap-red-logo', form, false, { traps: [badge] });
    for (let i = 0; i < 4; i++) add('trap-tinted-paper', form, false, { base: 'table', paper: true });
  }
  for (let i = 0; i < 8; i++) add('trap-grey-scan-with-seal', 'scan', true, { grey: true });
  for (let i = 0; i < 2; i++) add('trap-grey-scan', 'scan', false, { grey: true });
  // Added after the first corpus, so the cases above stay as they were: seals over the ruled table and its text.
  const tableBase = (r: Rng) => r.pick<BaseKind>(['template', 'table', 'red-lines', 'red-text']);
  for (const form of ['electronic', 'vector', 'scan'] as Form[]) {
    for (let i = 0; i < 10; i++) add('stamped-over-table', form, true, { base: tableBase(rng), overTable: true, traps: rng.chance(0.3) ? [hand] : [] });
  }
  for (let i = 0; i < 16; i++) add('stamped-compressed-scan', 'scan', true, { base: tableBase(rng), overTable: true, look: compressed });
  for (let i = 0; i < 12; i++) add('trap-compressed-scan', 'scan', false, { base: rng.pick<BaseKind>(['red-text', 'red-lines', 'red-header']), traps: [hand, badge, hand], look: compressed });
  // Added later: seals put on as annotations by seal software or a PDF reader (a stamp, or a signature field's
  // appearance), over an exported page or a scan; and red marks added the same way (a small emblem, a pen signature).
  for (const form of ['electronic', 'scan'] as Form[]) {
    for (let i = 0; i < 8; i++) add('stamped-annotation', form, true, { sealAs: rng.pick<SealAnnotation>(['stamp', 'signature']), traps: rng.chance(0.3) ? [hand] : [] });
    for (let i = 0; i < 4; i++) add('trap-annotation', form, false, { sealAs: 'stamp', traps: [hand, badge] });
  }
  // Added later: electronic seals shaped by an opacity mask, as vector drawing tools export a masked picture; and
  // small emblems made the same way.
  for (let i = 0; i < 10; i++) add('stamped-soft-mask', 'electronic', true, { pictureAs: 'soft-mask', traps: rng.chance(0.3) ? [hand] : [], paper: rng.chance(0.15) });
  for (let i = 0; i < 4; i++) add('trap-soft-mask', 'electronic', false, { pictureAs: 'soft-mask', traps: [badge, hand] });
  // Added later: seal pictures (and emblems) as glyphs of a Type3 font, shown in black, as some PDF printers emit them.
  for (let i = 0; i < 8; i++) add('stamped-type3-glyph', 'electronic', true, { pictureAs: 'type3-glyph', traps: rng.chance(0.3) ? [hand] : [] });
  for (let i = 0; i < 4; i++) add('trap-type3-glyph', 'electronic', false, { pictureAs: 'type3-glyph', traps: [badge, hand] });
  // Added later: searchable scans, each page's picture under the OCR's words in invisible text.
  for (let i = 0; i < 10; i++) add('stamped-searchable-scan', 'scan', true, { ocrLayer: true, traps: rng.chance(0.3) ? [hand] : [] });
  for (let i = 0; i < 4; i++) add('trap-searchable-scan', 'scan', false, { ocrLayer: true, base: rng.pick<BaseKind>(['red-header', 'red-lines']), traps: [badge, hand] });
  // Added later: phone photos of the printed page, under a warm lamp or in cool shade, a shadow across it.
  for (let i = 0; i < 10; i++) add('stamped-photo', 'scan', true, { look: photographed, traps: rng.chance(0.3) ? [hand] : [] });
  for (let i = 0; i < 4; i++) add('trap-photo', 'scan', false, { look: photographed, base: rng.pick<BaseKind>(['red-header', 'red-lines', 'red-text']), traps: [badge, hand] });
  // Added later: the same, held crooked; the traps on red-ruled tables, whose turned rules must still be cleared.
  for (let i = 0; i < 6; i++) add('stamped-crooked-photo', 'scan', true, { look: heldCrooked, base: tableBase(rng) });
  for (let i = 0; i < 6; i++) add('trap-crooked-photo', 'scan', false, { look: heldCrooked, base: rng.pick<BaseKind>(['red-lines', 'red-lines', 'red-header']), traps: [hand] });
  // Added later: a draft's red watermark (样稿, 作废 ...) across the page, scanned or laid over it as a picture; and
  // seals on scans of such pages.
  const draft = (r: Rng) => watermark(r, PAGE_W, PAGE_H);
  for (let i = 0; i < 6; i++) add('trap-watermark', 'scan', false, { traps: [draft] });
  for (let i = 0; i < 3; i++) add('trap-watermark', 'electronic', false, { traps: [draft] });
  for (let i = 0; i < 4; i++) add('stamped-watermark', 'scan', true, { traps: [draft] });
  // Added later: an outline pie chart of a seal's size (its figures in red, or in black beside a red legend),
  // scanned or laid over the page as a picture; and seals over the table of pages with such a chart.
  const chart = (r: Rng) => pieChart(r, PAGE_W, PAGE_H);
  for (let i = 0; i < 4; i++) add('trap-pie-chart', 'scan', false, { traps: [chart] });
  for (let i = 0; i < 2; i++) add('trap-pie-chart', 'electronic', false, { traps: [chart] });
  for (let i = 0; i < 2; i++) add('stamped-pie-chart', 'scan', true, { traps: [chart], overTable: true });
  return cases;
}
