// The geometry of a Chinese official seal, in millimetres around its centre (y down): outer ring, optional inner
// ring, five-pointed star, unit name along the upper arc, a horizontal title or a serial number along the lower arc.
import type { Rng } from './prng.ts';

export type Rgb = [number, number, number];

export interface SealSpec {
  shape: 'round' | 'oval';
  widthMm: number;
  heightMm: number;
  ringMm: number;
  colour: Rgb;
  rotationDeg: number;
  opacity: number;
  arcText: string;
  title: string;
  serial: string;
  star: boolean;
  innerRing: boolean;
}

export interface PlacedChar { char: string; x: number; y: number; angle: number; sizeMm: number }

const UNITS = ['湘阴县教育局', '岳阳市教育体育局', '平江县教育局', '华容县教育局', '汨罗市教育局', '临湘市第一中学',
  '岳阳县教师发展中心', '君山区教育局', '湘阴县城西小学', '岳阳楼区教育局', '屈原管理区社会事业局', '南湖新区教育办'];
const TITLES = ['', '', '公章', '专用章', '业务专用章', '办公室'];
const COLOURS: Rgb[] = [[220, 25, 35], [200, 10, 20], [235, 45, 40], [160, 15, 25], [130, 12, 30], [205, 20, 85], [215, 30, 105]];

export function randomSeal(rng: Rng, shape: 'round' | 'oval' = rng.chance(0.75) ? 'round' : 'oval'): SealSpec {
  const widthMm = shape === 'round' ? rng.range(32, 46) : rng.range(38, 48);
  return {
    shape, widthMm,
    heightMm: shape === 'round' ? widthMm : widthMm * rng.range(0.66, 0.78),
    ringMm: rng.range(0.8, 1.5),
    colour: rng.pick(COLOURS),
    rotationDeg: rng.chance(0.5) ? rng.range(-30, 30) : rng.range(-4, 4),
    opacity: rng.range(0.75, 1),
    arcText: rng.pick(UNITS),
    title: rng.pick(TITLES),
    serial: rng.chance(0.4) ? String(rng.int(1e12, 9e12)) : '',
    star: shape === 'round' || rng.chance(0.3),
    innerRing: rng.chance(0.2),
  };
}

/** Characters of the arc text, title and serial, each with its centre and rotation. */
export function placeChars(spec: SealSpec): PlacedChar[] {
  const a = spec.widthMm / 2, b = spec.heightMm / 2;
  const size = Math.min(a, b) * (spec.shape === 'round' ? 0.27 : 0.3);
  const chars: PlacedChar[] = [];
  const inset = spec.ringMm + size * 0.75;
  const arc = (text: string, span: number, top: boolean, sizeMm: number) => {
    const n = [...text].length;
    [...text].forEach((char, i) => {
      const t = (top ? -Math.PI / 2 : Math.PI / 2) + (n > 1 ? (i / (n - 1) - 0.5) * span * (top ? 1 : -1) : 0);
      const x = (a - inset) * Math.cos(t), y = (b - inset) * Math.sin(t);
      chars.push({ char, x, y, angle: Math.atan2(y * a * a, x * b * b) + (top ? Math.PI / 2 : -Math.PI / 2), sizeMm });
    });
  };
  arc(spec.arcText, Math.min(4.2, 0.5 * [...spec.arcText].length), true, size);
  if (spec.serial) arc(spec.serial, 1.4, false, size * 0.45);
  const titleY = spec.star ? b * 0.55 : b * 0.2;
  [...spec.title].forEach((char, i, all) => {
    chars.push({ char, x: (i - (all.length - 1) / 2) * size * 0.85, y: titleY, angle: 0, sizeMm: size * 0.8 });
  });
  return chars;
}

/** The star's ten corners. */
export function starPoints(spec: SealSpec): [number, number][] {
  const r = Math.min(spec.widthMm, spec.heightMm) * (spec.shape === 'round' ? 0.17 : 0.12);
  const cy = spec.title ? -r * 0.15 : 0;
  return Array.from({ length: 10 }, (_, k) => {
    const t = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 ? r * 0.38 : r;
    return [rr * Math.cos(t), cy + rr * Math.sin(t)] as [number, number];
  });
}
