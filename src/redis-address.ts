// Where Redis is, as an operator may read it in a log or an error: REDIS_URL without its user and password.

/** `redis://host:port` (and its database, if one is named), with the port ioredis uses when the URL names none. */
export function redisAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'REDIS_URL (not a URL)';
  }
  const database = parsed.pathname.length > 1 ? parsed.pathname : '';
  return `${parsed.protocol}//${parsed.hostname}:${parsed.port || 6379}${database}`;
}
