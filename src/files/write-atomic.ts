// Writes a file so that readers see the old content or the new, never half of one (archive, ledger spreadsheet).
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp file in the same folder (one file system for the rename), flushed, renamed over `path`, folder synced. */
export async function writeFileAtomic(path: string, bytes: Uint8Array, mode = 0o640): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  // The dot hides it from people browsing the folder.
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  // The rename itself is durable only once the folder entry is on disk.
  const folderHandle = await open(folder, 'r');
  await folderHandle.sync().finally(() => folderHandle.close());
}
