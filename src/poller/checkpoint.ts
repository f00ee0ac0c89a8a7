// The per-mailbox checkpoint in Redis: the UIDVALIDITY it belongs to and the last UID fully handed off.
import type { Redis } from 'ioredis';

export interface Checkpoint {
  uidValidity: string;
  lastUid: number;
}

export function checkpointKey(keyPrefix: string, mailbox: string): string {
  return `${keyPrefix}poller:checkpoint:${mailbox}`;
}

export async function readCheckpoint(redis: Redis, key: string): Promise<Checkpoint | null> {
  const stored = await redis.hgetall(key);
  if (!stored.uidValidity) return null;
  return { uidValidity: stored.uidValidity, lastUid: Number(stored.lastUid ?? 0) };
}

/** Starts the mailbox over: a new UIDVALIDITY makes every stored UID meaningless. */
export async function resetCheckpoint(redis: Redis, key: string, uidValidity: string): Promise<void> {
  await redis.hset(key, { uidValidity, lastUid: 0 });
}

// Moves only forward and only within the same UIDVALIDITY, so a late second writer can never move it back.
const ADVANCE = `
local current = redis.call('HGET', KEYS[1], 'uidValidity')
if current ~= ARGV[1] then return 0 end
local last = tonumber(redis.call('HGET', KEYS[1], 'lastUid') or '0')
if tonumber(ARGV[2]) <= last then return 0 end
redis.call('HSET', KEYS[1], 'lastUid', ARGV[2])
return 1`;

export async function advanceCheckpoint(redis: Redis, key: string, to: Checkpoint): Promise<void> {
  await redis.eval(ADVANCE, 1, key, to.uidValidity, String(to.lastUid));
}
