// The ring judge on drawn pages, in memory: seals of the corpus's design stamped with part of the impression missing
// or with little ink (must be found), and red shapes of a seal's size that are not seals: pen circles drawn by hand round a big red word
// or figure, left open or closed, and rounded boxes round red text (must not be). Prints how many are taken for seals.
// `tsx bench/seal-shapes.ts [--count N]` (N cases per row, default 50; seeded, the same on every run).
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { sealsSeen } from '../src/seal/seals-on-page.ts';
import { sealCanvas } from '../test/seal/corpus/canvas-seal.ts';
import { randomSeal } from '../test/seal/corpus/seal-layout.ts';
import { makeRng, type Rng } from '../test/seal/corpus/prng.ts';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
if (!GlobalFonts.registerFromPath(CJK_FONT, 'BenchCJK')) throw new Error(`${CJK_FONT} missing: apt-get install fonts-noto-cjk`);

const DPI = 150;
const PX_MM = DPI / 25.4;
const [W, H] = [Math.round(120 * PX_MM), Math.round(100 * PX_MM)];
const PAPER = 'rgb(250, 249, 245)';
const REDS = ['rgb(215, 40, 40)', 'rgb(230, 0, 18)', 'rgb(200, 20, 90)'];
const WORDS = ['95分', '重点推荐', '已审核', '优', '同意', '68%', '★★', '复核'];

const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 50;

/** A page with lines of black text and `draw`'s marks; true if the seal check sees a seal on it (as on a rendered
 *  page: in seal red, then in paler red). */
function sealSeen(draw: (g: SKRSContext2D) => void): boolean {
  const g = createCanvas(W, H).getContext('2d');
  g.fillStyle = PAPER;
  g.fillRect(0, 0, W, H);
  g.fillStyle = 'rgb(25, 25, 25)';
  g.font = `${Math.round(3.5 * PX_MM)}px BenchCJK`;
  for (let y = 10; y < 100; y += 8) g.fillText('推荐单位（盖章）  2024年5月20日  资源名称 学科 学段', 5 * PX_MM, y * PX_MM);
  draw(g);
  return sealsSeen(g.getImageData(0, 0, W, H).data, W, H, DPI / 72, false).length > 0;
}

/** A seal of the corpus's design with `missingDeg` of the impression blank: a sharp wedge, or one side lifted (the
 *  ink fading out over 4 mm towards the chord that cuts that much of the ring off); centred on the seal's name, or
 *  anywhere. */
function partialSeal(rng: Rng, missingDeg: number, lifted: boolean, overName: boolean) {
  return (g: SKRSContext2D) => {
    const spec = randomSeal(rng);
    const seal = sealCanvas(spec, PX_MM, rng, rng.range(0, 0.5));
    const sg = seal.getContext('2d');
    const c = seal.width / 2, half = (missingDeg * Math.PI) / 360;
    const mid = overName ? -Math.PI / 2 + (spec.rotationDeg * Math.PI) / 180 : rng.range(0, 2 * Math.PI);
    sg.globalCompositeOperation = 'destination-out';
    if (lifted) {
      const d = (spec.widthMm / 2) * PX_MM * Math.cos(half), [ux, uy] = [Math.cos(mid), Math.sin(mid)];
      const fade = sg.createLinearGradient(c + ux * (d - 4 * PX_MM), c + uy * (d - 4 * PX_MM), c + ux * d, c + uy * d);
      fade.addColorStop(0, 'rgba(0, 0, 0, 0)');
      fade.addColorStop(1, 'rgba(0, 0, 0, 1)');
      sg.fillStyle = fade;
      sg.fillRect(0, 0, seal.width, seal.height);
    } else {
      sg.beginPath();
      sg.moveTo(c, c);
      sg.arc(c, c, 2 * c, mid - half, mid + half);
      sg.fill();
    }
    press(g, seal, spec.opacity);
  };
}

/** A whole seal of the corpus's design stamped with little ink: `opacity` of its colour. */
function fadedSeal(rng: Rng, opacity: number) {
  return (g: SKRSContext2D) => press(g, sealCanvas(randomSeal(rng), PX_MM, rng, rng.range(0, 0.5)), opacity);
}

/** The seal's picture inked onto the middle of the page. */
function press(g: SKRSContext2D, seal: Canvas, opacity: number) {
  g.globalAlpha = opacity;
  g.globalCompositeOperation = 'multiply';
  g.drawImage(seal, W / 2 - seal.width / 2, H / 2 - seal.height / 2);
}

/** A hand's circle (it grows 8 % as it goes round and wobbles 3 %) of `sweepDeg`, round a red word filling half of
 *  it or more. */
function penCircle(rng: Rng, sweepDeg: number) {
  return (g: SKRSContext2D) => {
    const d = rng.range(28, 46), fill = rng.range(0.5, 0.85), lineMm = rng.range(0.5, 1.4);
    const [cx, cy, a, b] = [W / 2, H / 2, (d / 2) * PX_MM, (d / 2) * PX_MM * rng.range(0.8, 1)];
    const start = rng.range(0, 2 * Math.PI), tilt = rng.range(-0.3, 0.3);
    g.strokeStyle = g.fillStyle = rng.pick(REDS);
    g.lineWidth = lineMm * PX_MM;
    g.lineCap = 'round';
    g.beginPath();
    for (let k = 0; k <= 90; k++) {
      const t = start + ((sweepDeg * Math.PI) / 180) * (k / 90), grow = 1 + 0.08 * (k / 90) + 0.03 * Math.sin(k / 7);
      const [x, y] = [a * grow * Math.cos(t), b * grow * Math.sin(t)];
      g.lineTo(cx + x * Math.cos(tilt) - y * Math.sin(tilt), cy + x * Math.sin(tilt) + y * Math.cos(tilt));
    }
    g.stroke();
    redWord(g, rng.pick(WORDS), cx, cy, d * fill);
  };
}

/** A red box with rounded corners of a seal's size round a red word. */
function roundedBox(rng: Rng) {
  return (g: SKRSContext2D) => {
    const side = rng.range(30, 46), corner = side * rng.range(0.1, 0.4);
    g.strokeStyle = g.fillStyle = rng.pick(REDS);
    g.lineWidth = rng.range(0.6, 1.4) * PX_MM;
    g.beginPath();
    g.roundRect(W / 2 - (side / 2) * PX_MM, H / 2 - (side / 2) * PX_MM, side * PX_MM, side * 0.95 * PX_MM, corner * PX_MM);
    g.stroke();
    redWord(g, rng.pick(WORDS), W / 2, H / 2, side * rng.range(0.4, 0.8));
  };
}

/** A word centred at (cx, cy), `widthMm` wide at most (a single character no taller than 0.6 of that). */
function redWord(g: SKRSContext2D, word: string, cx: number, cy: number, widthMm: number) {
  const sizeMm = widthMm / Math.max(1.6, word.length * 0.9);
  g.font = `${Math.round(sizeMm * PX_MM)}px BenchCJK`;
  g.fillText(word, cx - g.measureText(word).width / 2, cy + sizeMm * PX_MM * 0.35);
}

const rows: [string, boolean, (rng: Rng) => (g: SKRSContext2D) => void][] = [];
for (const missing of [60, 90, 120, 150]) {
  rows.push([`seal, ${missing} degrees blank anywhere (wedge or lifted side)`, true, (rng) => partialSeal(rng, missing, rng.chance(0.5), false)]);
  rows.push([`seal, ${missing} degrees blank over its name`, true, (rng) => partialSeal(rng, missing, rng.chance(0.5), true)]);
}
rows.push(['pen circle left open (200-320 degrees) round a red word', false, (rng) => penCircle(rng, rng.range(200, 320))]);
rows.push(['pen circle closed (360-400 degrees) round a red word', false, (rng) => penCircle(rng, rng.range(360, 400))]);
rows.push(['rounded box round a red word', false, roundedBox]);
for (const opacity of [0.3, 0.25]) rows.push([`seal stamped with ${opacity * 100} % of its ink`, true, (rng) => fadedSeal(rng, opacity)]);

console.log(`${count} drawn pages per row at ${DPI} dpi`);
for (const [row, [name, stamped, make]] of rows.entries()) {
  // One seed a row: a larger count draws the same first pages and more.
  const rng = makeRng(7919 * (row + 1));
  let seen = 0;
  for (let n = 0; n < count; n++) if (sealSeen(make(rng))) seen++;
  console.log(`${name.padEnd(62)} ${stamped ? 'found' : 'taken for seals'} ${seen}/${count}`);
}
