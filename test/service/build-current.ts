// The bot processes of the tests and benches run the build in dist/, as `npm start` does: a build older than the
// source would test old code, so it is refused with what to run.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string, ext: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(ext)) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

export function assertBuildCurrent(): void {
  const source = Math.max(newest(join(ROOT, 'src'), '.ts'), newest(join(ROOT, 'workers'), '.ts'));
  let built = 0;
  try { built = newest(join(ROOT, 'dist'), '.js'); } catch { /* no build yet */ }
  if (built < source) throw new Error('dist/ is missing or older than src/: run `npm run build` (npm test does it)');
}
