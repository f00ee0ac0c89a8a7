// The seal check on the corpus's scans saved again at a lower resolution and JPEG quality, as mail size limits and
// "small PDF" settings leave them: stamped pages found (and of those missed, how many were answered as scans too
// coarse or compressed, which asks for a better scan) and false seals on the traps, per setting.
// `tsx bench/seal-rescanned.ts [DIR] [--count N] [--settings 60x40,50x85,...]` (DPI x JPEG quality; DIR as seal-corpus.ts).
import { corpusScans, misses } from './corpus-scans.ts';

const args = process.argv.slice(2);
const option = (name: string) => { const at = args.indexOf(name); return at >= 0 ? args[at + 1] : undefined; };
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const settings = (option('--settings') ?? '100x20,100x5,60x85,60x40,60x20,50x85,50x40,40x85').split(',').map((s) => s.split('x').map(Number));
const scans = corpusScans(dir, Number(option('--count') ?? 30));

console.log(`${scans.stamped.length} stamped scans, ${scans.traps.length} trap scans from ${scans.dir}`);
console.log('dpi  quality  stamped found  missed, asked for a better scan  false seals on traps');
for (const [dpi, quality] of settings) {
  const { missed, falseSeals } = await misses(scans, { dpi, quality });
  const asked = missed.filter((check) => check.poorScan !== null).length;
  const stamped = scans.stamped.length;
  console.log(`${String(dpi).padStart(3)}  ${String(quality).padStart(7)}  ${`${stamped - missed.length}/${stamped}`.padStart(13)}`
    + `  ${`${asked}/${missed.length}`.padStart(31)}  ${`${falseSeals.length}/${scans.traps.length}`.padStart(20)}`
    + `${falseSeals.length ? `  (${falseSeals.join(', ')})` : ''}`);
}
