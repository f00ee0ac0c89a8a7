// The ledger's Redis keys and the Lua scripts that change or read them in one atomic step.

/** Every key of one ledger, under `prefix` (one prefix per campaign, or per test). */
export function ledgerKeys(prefix: string) {
  return {
    /** emailId -> LedgerEntry JSON. */
    entries: `${prefix}:entries`,
    /** emailId -> the RecordResult JSON of its first recording. */
    results: `${prefix}:results`,
    /** emailIds in recording order. */
    order: `${prefix}:order`,
    /** The filing keys (filingKey: a unit, or an institution of one) with at least one filing. */
    units: `${prefix}:units`,
    /** emailId -> the verdict's receivedAt, to name superseded filings. */
    received: `${prefix}:received`,
    /** Prefix of each filing key's sorted set of filings, scored by received time in ms (ties ordered by emailId). */
    filingsOf: `${prefix}:filings:`,
  };
}

/**
 * Lua shared by both scripts, the one place the rule lives: a unit's current filing is its newest accepted one sent
 * from a registered address (or by a unit with none registered), else its newest accepted one, else its newest. A
 * returned filing does not displace an accepted one (a correction sent back, a late one, a stranger's), nor a
 * stranger's accepted one the unit's own.
 */
const CURRENT_FILING = `
-- 2: accepted from a registered address (or a unit with none), 1: accepted from another address, 0: returned.
local function standing(entries, member)
  local verdict = cjson.decode(redis.call('HGET', entries, member)).verdict
  if verdict.decision ~= 'accept' then return 0 end
  for _, warning in ipairs(verdict.warnings) do
    if warning.code == 'UNREGISTERED_SENDER' then return 1 end
  end
  return 2
end
-- The newest filing of the highest standing among the filings (oldest first), or false when there are none.
local function current_of(entries, filings)
  local best, bestStanding = false, -1
  for i = #filings, 1, -1 do
    local s = standing(entries, filings[i])
    if s > bestStanding then best, bestStanding = filings[i], s end
    if s == 2 then break end
  end
  return best
end
`;

/**
 * KEYS: entries, results, order, units, received, the filings of the email's filing key.
 * ARGV: emailId, entry JSON, filing key ('' when the email is no unit's filing), received ms, received ISO.
 * Returns {1, stored result} when the email was recorded before, else {0, new result}.
 */
export const RECORD_SCRIPT = `${CURRENT_FILING}
local id = ARGV[1]
local stored = redis.call('HGET', KEYS[2], id)
if stored then return {1, stored} end
local result = { version = cjson.null, supersedes = cjson.null, supersededBy = cjson.null }
local function current()
  return current_of(KEYS[1], redis.call('ZRANGE', KEYS[6], 0, -1))
end
local function ref(member)
  return { emailId = member, receivedAt = redis.call('HGET', KEYS[5], member), accepted = standing(KEYS[1], member) > 0 }
end
redis.call('HSET', KEYS[1], id, ARGV[2])
if ARGV[3] ~= '' then
  local before = current()
  redis.call('ZADD', KEYS[6], ARGV[4], id)
  redis.call('SADD', KEYS[4], ARGV[3])
  redis.call('HSET', KEYS[5], id, ARGV[5])
  result.version = redis.call('ZRANK', KEYS[6], id) + 1
  local after = current()
  if after ~= id then
    result.supersededBy = ref(after)
  elseif before then
    result.supersedes = ref(before)
  end
end
local encoded = cjson.encode(result)
redis.call('HSET', KEYS[2], id, encoded)
redis.call('RPUSH', KEYS[3], id)
return {0, encoded}
`;

/**
 * KEYS: entries, order, units, results. ARGV: the filings key prefix.
 * Returns {order, flat entries hash, filing keys, {each key's filings, oldest first}, {each key's current filing},
 * flat results hash}: one consistent snapshot.
 */
export const READ_SCRIPT = `${CURRENT_FILING}
local units = redis.call('SMEMBERS', KEYS[3])
local filings, currents = {}, {}
for i, unit in ipairs(units) do
  filings[i] = redis.call('ZRANGE', ARGV[1] .. unit, 0, -1)
  currents[i] = current_of(KEYS[1], filings[i])
end
return { redis.call('LRANGE', KEYS[2], 0, -1), redis.call('HGETALL', KEYS[1]), units, filings, currents,
  redis.call('HGETALL', KEYS[4]) }
`;
