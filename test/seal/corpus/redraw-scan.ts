// A scan as it may reach the bot in other hands: its page's JPEG drawn again smaller, saved at another JPEG quality,
// its pixels changed (photographed under other light), as a one-page PDF.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { openPdf } from '../../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../../src/pdf/pdf-objects.ts';
import { pageScanImages } from '../../../src/seal/page-scan-images.ts';

export interface Redraw {
  /** Pixels per inch of the new picture over the page's paper size; by default the scan's own size. */
  dpi?: number;
  quality: number;
  /** Changes the pixels (RGBA) before they are saved. */
  paint?: (data: Uint8ClampedArray, width: number, height: number) => void;
}

/** The first page's scan drawn again as `redraw` says and saved as a one-page PDF of one JPEG. */
export async function redrawnScan(bytes: Uint8Array, redraw: Redraw): Promise<Uint8Array> {
  const opened = await openPdf(bytes);
  const page = await opened.document.getPage(1);
  const [width, height] = [page.view[2] - page.view[0], page.view[3] - page.view[1]];
  const [scan] = pageScanImages(new PdfObjects(bytes), page.ref!, 50_000_000) ?? [];
  await opened.close();
  if (!scan) throw new Error('not a page of one JPEG');
  const image = await loadImage(scan.bytes);
  const canvas = redraw.dpi === undefined ? createCanvas(image.width, image.height)
    : createCanvas(Math.round((width / 72) * redraw.dpi), Math.round((height / 72) * redraw.dpi));
  const g = canvas.getContext('2d');
  g.imageSmoothingQuality = 'high';
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  if (redraw.paint) {
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
    redraw.paint(pixels.data, canvas.width, canvas.height);
    g.putImageData(pixels, 0, 0);
  }
  const doc = await PDFDocument.create();
  doc.addPage([width, height]).drawImage(await doc.embedJpg(await canvas.encode('jpeg', redraw.quality)), { x: 0, y: 0, width, height });
  return doc.save();
}

/** The page photographed by hand: turned by `angleDeg` and shrunk by `scale` around its centre, the desk around it
 *  (white: the page fills the picture); a wooden desk's brown, red-tinged grain is near seal red, in large areas that
 *  are not rings; a grey desk, taken from farther, may show more desk than paper. */
export function photographed(angleDeg: number, scale: number, desk: 'white' | 'wood' | 'grey'): NonNullable<Redraw['paint']> {
  return (data, width, height) => {
    const page = data.slice();
    const [cos, sin] = [Math.cos((angleDeg * Math.PI) / 180), Math.sin((angleDeg * Math.PI) / 180)];
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i += 4) {
        const dx = (x - width / 2) / scale, dy = (y - height / 2) / scale;
        const sx = Math.round(width / 2 + dx * cos + dy * sin), sy = Math.round(height / 2 - dx * sin + dy * cos);
        if (sx >= 0 && sx < width && sy >= 0 && sy < height) {
          const j = (sy * width + sx) * 4;
          data[i] = page[j]; data[i + 1] = page[j + 1]; data[i + 2] = page[j + 2];
        } else if (desk === 'white') {
          data[i] = data[i + 1] = data[i + 2] = 250;
        } else if (desk === 'grey') {
          data[i] = data[i + 1] = data[i + 2] = 125 + ((x * 7919 + y * 104729) % 11);
        } else {
          const grain = 25 * Math.sin(y / 7 + 3 * Math.sin(x / 90)) + ((x * 7919 + y * 104729) % 17) - 8;
          data[i] = 150 + grain; data[i + 1] = 80 + 0.7 * grain; data[i + 2] = 50 + 0.5 * grain;
        }
      }
    }
  };
}
