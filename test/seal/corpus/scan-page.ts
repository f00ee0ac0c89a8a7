// Makes a scanned page: the exported page rendered to pixels, stamped with ink, then as a scanner leaves it:
// tinted paper, a slight rotation, noise, perhaps grey-scale, saved as JPEG; or as a phone photo, in coloured light.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { openPdf } from '../../../src/pdf/open-pdf.ts';
import { renderPage } from '../../../src/seal/render-page.ts';
import type { Rng } from './prng.ts';
import type { Rgb } from './seal-layout.ts';

export interface ScanLook {
  dpi: number; angleDeg: number; noise: number; quality: number; paper: Rgb; grey: boolean;
  /** A photo's light: its colour cast as a gain per channel, and how far it falls by the far corner (1: even). */
  light?: { gain: Rgb; far: number };
}

/** Every pixel (RGBA) times the light's gain per channel, and times a light falling from 1 at the top-left corner to
 *  `far` at the bottom-right. */
export function applyLight(data: Uint8ClampedArray, width: number, height: number, { gain, far }: NonNullable<ScanLook['light']>): void {
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 4) {
      const lit = 1 - (1 - far) * ((x / width + y / height) / 2);
      for (let c = 0; c < 3; c++) data[i + c] *= gain[c] * lit;
    }
  }
}

/** Renders page `index` (1-based) of the PDF, lets `mark` ink it (pixels per mm given), returns the scan as JPEG. */
export async function scanPage(
  pdf: Uint8Array, index: number, look: ScanLook, rng: Rng, mark: (g: SKRSContext2D, pxPerMm: number) => void,
): Promise<Buffer> {
  const opened = await openPdf(pdf);
  try {
    const page = await renderPage(opened.document, index, { dpi: look.dpi, maxPixels: 40_000_000 });
    mark(page.context, look.dpi / 25.4);
    const scan = createCanvas(page.width, page.height);
    const g = scan.getContext('2d');
    g.fillStyle = `rgb(${look.paper.join(',')})`;
    g.fillRect(0, 0, page.width, page.height);
    g.translate(page.width / 2, page.height / 2);
    g.rotate((look.angleDeg * Math.PI) / 180);
    g.globalCompositeOperation = 'multiply';
    g.drawImage(page.canvas, -page.width / 2, -page.height / 2);
    const img = g.getImageData(0, 0, page.width, page.height);
    const d = img.data;
    // Noise from a seeded table walked by a cheap LCG: a PRNG call per channel and pixel is too slow at 300 dpi.
    const table = Float32Array.from({ length: 65536 }, () => (rng.next() + rng.next() - 1) * look.noise);
    let k = rng.int(0, 65535);
    if (look.light) applyLight(d, page.width, page.height, look.light);
    for (let i = 0; i < d.length; i += 4) {
      // A sensor's noise differs per colour channel; a grey-scale scanner has one channel.
      const n = () => table[(k = (k * 75 + 74) % 65537) & 65535];
      if (look.grey) d[i] = d[i + 1] = d[i + 2] = 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2] + n();
      else { d[i] += n(); d[i + 1] += n(); d[i + 2] += n(); }
    }
    g.putImageData(img, 0, 0);
    return await scan.encode('jpeg', look.quality);
  } finally {
    await opened.close();
  }
}
