// The seal check on the corpus's scans as a phone photo or a badly set scanner leaves them: a colour cast of the
// light (warm lamp, cool shade), uneven light (a shadow falling across the page), an underexposed page. Stamped
// pages found and false seals on the traps, per look.
// `tsx bench/seal-photographed.ts [DIR] [--count N] [--looks warm,shadow,...]` (DIR as seal-corpus.ts).
import { corpusScans, misses, type Redraw } from './corpus-scans.ts';

type Rgb = [number, number, number];

/** Every pixel times a per-channel gain, times a light falling from 1 at the top-left corner to `far` at the
 *  bottom-right. */
function lit(gain: Rgb, far = 1): Redraw['paint'] {
  return (data, width, height) => {
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i += 4) {
        const light = 1 - (1 - far) * ((x / width + y / height) / 2);
        for (let c = 0; c < 3; c++) data[i + c] *= gain[c] * light;
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
