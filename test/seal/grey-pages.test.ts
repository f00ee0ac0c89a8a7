// Which scans are asked for again in colour when no seal is seen: one whose seal's page lost its colour, even where
// another page kept it (a scanner's automatic colour detection, a scan app's modes page by page) or where a scan app
// printed its coloured logo on the black-and-white page; not a colour scan with a blank page in it.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sealCheckOf } from './seal-check-of.ts';

/** An A4 page scanned at 150 dpi. */
const [W, H] = [1240, 1754];
type Page = 'grey table' | 'colour table' | 'grey table, app logo' | 'blank';

function scannedPage(kind: Page): Promise<Buffer> {
  const g = createCanvas(W, H).getContext('2d');
  const colour = kind === 'colour table';
  g.fillStyle = colour ? 'rgb(246, 243, 232)' : 'white';
  g.fillRect(0, 0, W, H);
  if (kind !== 'blank') {
    g.fillStyle = g.strokeStyle = colour ? 'rgb(40, 38, 45)' : 'rgb(30, 30, 30)';
    g.lineWidth = 3;
    for (let y = 300; y <= 1500; y += 100) g.strokeRect(100, y, 1040, 100);
    g.font = '40px sans-serif';
    for (let y = 360; y < 1500; y += 100) g.fillText('国家中小学智慧教育平台专题资源', 130, y);
    // A seal stamped on a black-and-white scan comes out grey.
    if (!colour) {
      g.lineWidth = 8;
      g.beginPath();
      g.arc(900, 1600, 118, 0, 2 * Math.PI);
      g.stroke();
    }
  }
  if (colour) {
    g.fillStyle = 'rgb(200, 30, 35)';
    g.font = 'bold 80px sans-serif';
    g.fillText('岳阳市教育体育局文件', 220, 180);
  }
  if (kind === 'grey table, app logo') {
    g.fillStyle = 'rgb(20, 160, 150)';
    g.fillRect(1120, 1700, 36, 36);
  }
  return g.canvas.encode('jpeg', 85);
}

async function sealCheck(pages: Page[]) {
  const doc = await PDFDocument.create();
  for (const kind of pages) {
    const page = doc.addPage([595, 842]);
    page.drawImage(await doc.embedJpg(await scannedPage(kind)), { x: 0, y: 0, width: 595, height: 842 });
  }
  return sealCheckOf(await doc.save());
}

describe('a scan with no seal seen', () => {
  it.each<[string, Page[]]>([
    ['its cover kept in colour, the page with the seal grey', ['colour table', 'grey table']],
    ["its black-and-white page carrying a scan app's coloured logo", ['grey table, app logo']],
  ])('%s: asked for again in colour', async (_, pages) => {
    expect(await sealCheck(pages)).toMatchObject({ stamps: [], greyscaleOnly: true, poorScan: null });
  });

  it('in colour with a blank page: not called grey-scale', async () => {
    expect(await sealCheck(['colour table', 'blank'])).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: null });
  });
});
