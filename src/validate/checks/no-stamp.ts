// NO_STAMP: the PDF is the stamped copy; a filing needs an official seal on at least one of its PDFs.
import { finding, type Params, type TemplateKey } from '../../messages/catalogue.ts';
import { MAX_IMAGE_PIXELS } from '../../limits.ts';
import type { Finding } from '../../types.ts';
import type { Check } from '../check.ts';
import type { PdfCheck } from '../submission.ts';

export const checkStamp: Check = ({ pdfs }) => {
  const checked = pdfs.filter((p) => p.seals !== null);
  if (checked.length === 0 || checked.some((p) => p.seals!.found > 0)) return [];
  return checked.map((p) => noSealFinding(p.file, p.seals!));
};

type SealsSeen = Pick<NonNullable<PdfCheck['seals']>, 'greyscaleOnly' | 'poorScan' | 'tooLargeImage'>;

/** The answer for a PDF on which no seal was seen. A page whose image was too large to look at may hold the seal: it
 *  is that PDF that cannot be read (over the size limit), and a rescan at the same settings would get the same. */
export function noSealFinding(file: string, seals: SealsSeen): Finding {
  const image = seals.tooLargeImage;
  if (image) {
    return finding('UNREADABLE_ATTACHMENT', {
      file, page: image.page, width: image.width, height: image.height,
      megapixels: Math.round((image.width * image.height) / 10_000), max: MAX_IMAGE_PIXELS / 10_000,
    }, { file, variant: 'UNREADABLE_ATTACHMENT_IMAGE_TOO_LARGE' });
  }
  return finding('NO_STAMP', noStampParams(file, seals), { file, variant: noStampMessage(seals) });
}

/** Which NO_STAMP message fits: a seal's red may be lost in a grey-scale, too coarse or too compressed scan, so those
 *  ask for a better scan rather than for a seal. */
function noStampMessage(seals: SealsSeen): TemplateKey {
  if (seals.poorScan) return 'NO_STAMP_POOR_SCAN';
  return seals.greyscaleOnly ? 'NO_STAMP_GREYSCALE' : 'NO_STAMP';
}

function noStampParams(file: string, { poorScan }: SealsSeen): Params {
  return { file, dpi: poorScan?.dpi ?? '', quality: poorScan?.quality == null ? '不明' : `约${poorScan.quality}/100` };
}
