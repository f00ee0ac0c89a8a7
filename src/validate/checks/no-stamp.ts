// NO_STAMP: the PDF is the stamped copy; a filing needs an official seal on at least one of its PDFs.
import { finding, type Params, type TemplateKey } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';
import type { PdfCheck } from '../submission.ts';

export const checkStamp: Check = ({ pdfs }) => {
  const checked = pdfs.filter((p) => p.seals !== null);
  if (checked.length === 0 || checked.some((p) => p.seals!.found > 0)) return [];
  return checked.map((p) => finding('NO_STAMP', noStampParams(p.file, p.seals!),
    { file: p.file, variant: noStampMessage(p.seals!) }));
};

type SealsSeen = Pick<NonNullable<PdfCheck['seals']>, 'greyscaleOnly' | 'poorScan'>;

/** Which NO_STAMP message fits: a seal's red may be lost in a grey-scale, too coarse or too compressed scan, so those
 *  ask for a better scan rather than for a seal. */
export function noStampMessage(seals: SealsSeen): TemplateKey {
  if (seals.poorScan) return 'NO_STAMP_POOR_SCAN';
  return seals.greyscaleOnly ? 'NO_STAMP_GREYSCALE' : 'NO_STAMP';
}

export function noStampParams(file: string, { poorScan }: SealsSeen): Params {
  return { file, dpi: poorScan?.dpi ?? '', quality: poorScan?.quality == null ? '不明' : `约${poorScan.quality}/100` };
}
