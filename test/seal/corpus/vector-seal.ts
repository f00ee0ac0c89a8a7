// Draws a seal as vector graphics on a pdf-lib page: the ring and star as red paths, the characters as red glyph
// outlines (as seal software and CAD exports emit them), no image at all.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { rgb, type PDFPage } from 'pdf-lib';
import { placeChars, starPoints, type SealSpec } from './seal-layout.ts';

const PT_PER_MM = 72 / 25.4;
type Pt = [number, number];

interface GlyphFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: { advanceWidth: number; path: { commands: { command: string; args: number[] }[] } }[] };
}

let font: GlyphFont | null = null;
function glyphFont(): GlyphFont {
  font ??= (fontkit.create(readFileSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc')) as unknown as {
    getFont(name: string): GlyphFont;
  }).getFont('NotoSerifCJKsc-Bold');
  return font;
}

/** Draws the seal centred at (cxMm, cyMm) from the page's top-left corner. */
export function drawVectorSeal(page: PDFPage, spec: SealSpec, cxMm: number, cyMm: number): void {
  const rot = (spec.rotationDeg * Math.PI) / 180;
  const toPage = ([x, y]: Pt): string => {
    const px = cxMm + x * Math.cos(rot) - y * Math.sin(rot), py = cyMm + x * Math.sin(rot) + y * Math.cos(rot);
    return `${(px * PT_PER_MM).toFixed(2)} ${(py * PT_PER_MM).toFixed(2)}`;
  };
  const colour = rgb(...(spec.colour.map((c) => c / 255) as [number, number, number]));
  const at = { x: 0, y: page.getHeight(), opacity: spec.opacity, borderOpacity: spec.opacity };
  const ellipse = (a: number, b: number) =>
    Array.from({ length: 96 }, (_, k) => toPage([a * Math.cos((k * Math.PI) / 48), b * Math.sin((k * Math.PI) / 48)]));
  const ring = (a: number, b: number, width: number) => {
    page.drawSvgPath(`M ${ellipse(a, b).join(' L ')} Z`, { ...at, borderColor: colour, borderWidth: width * PT_PER_MM });
  };
  const a = spec.widthMm / 2 - spec.ringMm / 2, b = spec.heightMm / 2 - spec.ringMm / 2;
  ring(a, b, spec.ringMm);
  if (spec.innerRing) ring(a - spec.ringMm * 1.3, b - spec.ringMm * 1.3, spec.ringMm * 0.35);
  if (spec.star) page.drawSvgPath(`M ${starPoints(spec).map(toPage).join(' L ')} Z`, { ...at, color: colour });
  const f = glyphFont();
  for (const c of placeChars(spec)) {
    const glyph = f.layout(c.char).glyphs[0];
    const k = c.sizeMm / f.unitsPerEm;
    const local = (gx: number, gy: number): Pt => {
      const x = (gx - glyph.advanceWidth / 2) * k, y = -(gy - f.unitsPerEm * 0.38) * k;
      return [c.x + x * Math.cos(c.angle) - y * Math.sin(c.angle), c.y + x * Math.sin(c.angle) + y * Math.cos(c.angle)];
    };
    const parts = glyph.path.commands.map(({ command, args }) => {
      const pts: string[] = [];
      for (let i = 0; i + 1 < args.length; i += 2) pts.push(toPage(local(args[i], args[i + 1])));
      const op = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' }[command] ?? 'Z';
      return `${op} ${pts.join(' ')}`;
    });
    if (parts.length) page.drawSvgPath(parts.join(' '), { ...at, color: colour });
  }
}
