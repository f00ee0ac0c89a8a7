// The real Redis of the local services for the ledger's tests: started when missing, one key prefix per test.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { projectRoot, readServicesEnv } from '../../scripts/services/services-env.ts';

/** Starts the local services when they are not running (fast when they are) and returns Redis's URL. */
export async function localRedisUrl(): Promise<string> {
  await promisify(execFile)('bash', [join(projectRoot, 'scripts/services/up.sh')], { timeout: 600_000 });
  return readServicesEnv().redisUrl;
}

export function uniquePrefix(): string {
  return `test:ledger:${randomUUID()}`;
}

/** Deletes every key under `prefix`. */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
    if ((keys as string[]).length) await redis.del(...(keys as string[]));
  }
}
