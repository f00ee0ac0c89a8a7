// The seal check on the corpus's scans as a phone photo or a badly set scanner leaves them: a colour cast of the
// light (warm lamp, cool shade), uneven light (a shadow falling across the page), an underexposed page. Stamped
// pages found and false seals on the traps, per look; and the page photographed on a wooden desk, whose red-brown
// grain shows around it.
// `tsx bench/seal-photographed.ts [DIR] [--count N] [--looks warm,shadow,...]` (DIR as seal-corpus.ts).
import { applyLight } from '../test/seal/corpus/scan-page.ts';
import { corpusScans, misses, type Redraw } from './corpus-scans.ts';
import { photographed } from '../test/seal/corpus/redraw-scan.ts';

type Rgb = [number, number, number];

/** Every pixel times the light's gain per channel, and a light falling to `far` across the page (1: even). */
function lit(gain: Rgb, far = 1): Redraw['paint'] {
  return (data, width, height) => applyLight(data, width, height, { gain, far });
}

const LOOKS: Record<string, Redraw['paint']> = {
  'as-is': undefined,
  warm: lit([1, 0.86, 0.66]),
  'very-warm': lit([1, 0.78, 0.52]),
  cool: lit([0.8, 0.92, 1]),
  shadow: lit([1, 1, 1], 0.55),
  'warm+shadow': lit([1, 0.86, 0.66], 0.6),
  dim: lit([0.7, 0.7, 0.7]),
  'turned-4': photographed(4, 1, 'white'),
  'turned-6': photographed(6, 1, 'white'),
  'on-desk': photographed(3, 0.85, 'wood'),
  'farther-on-desk': photographed(3, 0.7, 'wood'),
  'far-on-grey-desk': photographed(-2, 0.6, 'grey'),
};

const args = process.argv.slice(2);
const option = (name: string) => { const at = args.indexOf(name); return at >= 0 ? args[at + 1] : undefined; };
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const looks = option('--looks')?.split(',') ?? Object.keys(LOOKS);
const scans = corpusScans(dir, Number(option('--count') ?? 30));

console.log(`${scans.stamped.length} stamped scans, ${scans.traps.length} trap scans from ${scans.dir}; saved again at JPEG quality 85`);
console.log('look                stamped found  false seals on traps');
for (const look of looks) {
  if (!(look in LOOKS)) throw new Error(`unknown look ${look}: ${Object.keys(LOOKS).join(', ')}`);
  const { missed, falseSeals } = await misses(scans, { quality: 85, paint: LOOKS[look] });
  const stamped = scans.stamped.length;
  console.log(`${look.padEnd(18)}  ${`${stamped - missed.length}/${stamped}`.padStart(13)}  ${`${falseSeals.length}/${scans.traps.length}`.padStart(20)}`
    + `${falseSeals.length ? `  (${falseSeals.join(', ')})` : ''}`);
}
