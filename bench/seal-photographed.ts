// The seal check on the corpus's scans as a phone photo or a badly set scanner leaves them: a colour cast of the
// light (warm lamp, cool shade), uneven light (a shadow falling across the page), an underexposed page. Stamped
// pages found and false seals on the traps, per look; and the page photographed on a wooden desk, whose red-brown
// grain shows around it.
// `tsx bench/seal-photographed.ts [DIR] [--count N] [--looks warm,shadow,...]` (DIR as seal-corpus.ts).
import { applyLight } from '../test/seal/corpus/scan-page.ts';
import { corpusScans, misses, type Redraw } from './corpus-scans.ts';

type Rgb = [number, number, number];

/** Every pixel times the light's gain per channel, and a light falling to `far` across the page (1: even). */
function lit(gain: Rgb, far = 1): Redraw['paint'] {
  return (data, width, height) => applyLight(data, width, height, { gain, far });
}

/** The page photographed by hand: turned by `angleDeg` and shrunk by `scale` around its centre, the desk around it
 *  (white: the page fills the picture); a wooden desk's brown, red-tinged grain is near seal red, in large areas that
 *  are not rings. */
function turned(angleDeg: number, scale: number, desk: 'white' | 'wood'): Redraw['paint'] {
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
        } else {
          const grain = 25 * Math.sin(y / 7 + 3 * Math.sin(x / 90)) + ((x * 7919 + y * 104729) % 17) - 8;
          data[i] = 150 + grain; data[i + 1] = 80 + 0.7 * grain; data[i + 2] = 50 + 0.5 * grain;
        }
      }
    }
  };
}

const LOOKS: Record<string, Redraw['paint']> = {
  'as-is': undefined,
  warm: lit([1, 0.86, 0.66]),
  'very-warm': lit([1, 0.78, 0.52]),
  cool: lit([0.8, 0.92, 1]),
  shadow: lit([1, 1, 1], 0.55),
  'warm+shadow': lit([1, 0.86, 0.66], 0.6),
  dim: lit([0.7, 0.7, 0.7]),
  'turned-4': turned(4, 1, 'white'),
  'turned-6': turned(6, 1, 'white'),
  'on-desk': turned(3, 0.85, 'wood'),
};

const args = process.argv.slice(2);
const option = (name: string) => { const at = args.indexOf(name); return at >= 0 ? args[at + 1] : undefined; };
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const looks = option('--looks')?.split(',') ?? Object.keys(LOOKS);
const scans = corpusScans(dir, Number(option('--count') ?? 30));

console.log(`${scans.stamped.length} stamped scans, ${scans.traps.length} trap scans from ${scans.dir}; saved again at JPEG quality 85`);
console.log('look          stamped found  false seals on traps');
for (const look of looks) {
  if (!(look in LOOKS)) throw new Error(`unknown look ${look}: ${Object.keys(LOOKS).join(', ')}`);
  const { missed, falseSeals } = await misses(scans, { quality: 85, paint: LOOKS[look] });
  const stamped = scans.stamped.length;
  console.log(`${look.padEnd(12)}  ${`${stamped - missed.length}/${stamped}`.padStart(13)}  ${`${falseSeals.length}/${scans.traps.length}`.padStart(20)}`
    + `${falseSeals.length ? `  (${falseSeals.join(', ')})` : ''}`);
}
