// How coarse and how compressed a scan's images are: a scan saved under about 100 dpi or at very low JPEG quality can
// have lost a seal's red, so when no seal is seen the answer asks for a better scan rather than for a seal.
import { jpegQuality } from './jpeg-quality.ts';
import type { PlacedScanImage } from './page-scan-images.ts';

/** The coarsest resolution (dots per inch on the page) and lowest JPEG quality (1-100; null if unknown) of scans. */
export interface ScanSharpness { dpi: number; quality: number | null }

/** Below this resolution the corpus's thin seal rings blur into pink under the red-ink bar (bench/seal-rescanned.ts:
 *  at 60 dpi up to 8 of 30 stamped scans missed, at 100 dpi and usual quality none). */
const MIN_SCAN_DPI = 100;
/** At or below this JPEG quality a seal's red survives only in a few colour blocks (the corpus: lost at 1-2, found
 *  at 5-20). */
const MAX_LOSSY_QUALITY = 10;

/** `toPaper`: the page's points per point of paper (pageToPaper): a scan app's page as many points as its scan has
 *  pixels holds a 200 dpi scan at "72 dpi" of its points. */
export function sharpnessOf(images: PlacedScanImage[], toPaper: number): ScanSharpness | null {
  // The image's unit square is placed by the matrix: its sides in points are the lengths of the matrix's columns.
  return coarsest(images.map(({ matrix: m, width, height, bytes, flate }) => ({
    dpi: Math.round(Math.min((72 * width) / Math.hypot(m[0], m[1]), (72 * height) / Math.hypot(m[2], m[3])) * toPaper),
    // A Flate image is lossless: its bytes hold no quantization table, whatever they happen to contain.
    quality: flate ? null : jpegQuality(bytes),
  })));
}

/** The coarsest and most compressed of several scans (null if none). */
export function coarsest(scans: ScanSharpness[]): ScanSharpness | null {
  if (scans.length === 0) return null;
  const qualities = scans.map((s) => s.quality).filter((q) => q !== null);
  return { dpi: Math.min(...scans.map((s) => s.dpi)), quality: qualities.length ? Math.min(...qualities) : null };
}

export function isPoorScan({ dpi, quality }: ScanSharpness): boolean {
  return dpi < MIN_SCAN_DPI || (quality !== null && quality <= MAX_LOSSY_QUALITY);
}
