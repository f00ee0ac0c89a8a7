// The archive of raw emails under DATA_DIR: named by the email's identity, written atomically, read back only from
// inside DATA_DIR.
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { emailIdOf } from '../service/jobs.ts';

export interface ArchivedEmail {
  emailId: string;
  /** Relative to dataDir, always with '/' separators, e.g. `archive/ab/cd/<emailId>.eml`. */
  archivePath: string;
}

/** The archive path of an email id; the name comes from the hash alone, never from the email. */
function archivePathOf(emailId: string): string {
  if (!/^[0-9a-f]{64}$/.test(emailId)) throw new Error(`not an email id: ${emailId}`);
  return `archive/${emailId.slice(0, 2)}/${emailId.slice(2, 4)}/${emailId}.eml`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Stores a raw message once; storing the same email again (the same bytes, or another delivery of it) finds the
 *  existing file and writes nothing. */
export async function archiveEmail(dataDir: string, raw: Buffer): Promise<ArchivedEmail> {
  const emailId = emailIdOf(raw);
  const archivePath = archivePathOf(emailId);
  const absolute = join(dataDir, archivePath);
  if (!(await exists(absolute))) await writeFileAtomic(absolute, raw);
  return { emailId, archivePath };
}

/** Resolves an archive path inside dataDir; refuses absolute paths and any path that climbs out of it. */
function resolveArchivePath(dataDir: string, archivePath: string): string {
  const root = resolve(dataDir);
  const absolute = resolve(root, archivePath);
  const inside = relative(root, absolute);
  if (isAbsolute(archivePath) || inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    throw new Error(`archive path escapes the data folder: ${archivePath}`);
  }
  return absolute;
}

export async function readArchivedEmail(dataDir: string, archivePath: string): Promise<Buffer> {
  return readFile(resolveArchivePath(dataDir, archivePath));
}
