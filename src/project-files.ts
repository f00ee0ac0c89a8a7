// Where the project's data folders (rules/, templates/) are, whether this code runs as TypeScript from src/ (tsx, tests)
// or as the built JavaScript in dist/src/ (`npm start`).
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = basename(dirname(here)) === 'dist' ? dirname(dirname(here)) : dirname(here);

/** The absolute path of a file under the project root, e.g. projectFile('templates', 'digest.html'). */
export function projectFile(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
