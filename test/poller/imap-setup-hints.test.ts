// A wrong password or a TLS setting that does not fit the port, against the real Dovecot: one line per failed attempt
// that names the variables to check, no stack, no password.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { startPoller, type PollerHandle } from '../../src/poller/index.ts';
import { openImap } from '../../src/poller/imap-connection.ts';
import { POLLER_DEFAULTS } from '../../src/poller/poller-config.ts';
import { capturedLog } from '../captured-log.ts';
import { openStage, startServices, type Stage } from './poller-fixture.ts';

let env: ServicesEnv;
let stage: Stage | undefined;
let poller: PollerHandle | undefined;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  await poller?.stop();
  await stage?.dispose();
  poller = stage = undefined;
});

const WRONG_PASS = 'not-the-code-8c1f';

describe('IMAP settings that cannot work', () => {
  it('a refused login is one error line per attempt, no stack, naming the user and IMAP_USER / IMAP_PASS', async () => {
    // imapflow's own log at the level the bot runs it, so its "Command failed" would show if it were not left out.
    stage = await openStage(env, { imapLogLevel: 'warn' });
    const { log, lines } = capturedLog();
    const settings = { ...stage.settings, imap: { ...stage.settings.imap, pass: WRONG_PASS } };
    poller = startPoller(settings, { ...stage.deps, log });
    const reconnects = () => lines.filter((l) => l.msg === 'connection ended; reconnecting').length;
    await vi.waitFor(() => expect(reconnects()).toBeGreaterThanOrEqual(2), { timeout: 30_000, interval: 100 });
    await poller.stop();
    poller = undefined;

    // One error per failed attempt (the only warning left is the local server's lack of STARTTLS).
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toEqual(Array(reconnects()).fill(
      `IMAP login refused for ${env.city.address}: check IMAP_USER / IMAP_PASS (for 126 mail the client authorisation code 授权码, not the web password)`));
    expect(errors.filter((l) => l.err !== undefined)).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain(WRONG_PASS);
  }, 60_000);

  it('TLS from the first byte on a plain port names IMAP_SECURE and IMAP_PORT', async () => {
    const { log } = capturedLog();
    const imap = { ...env.imap, secure: true, user: env.city.address, pass: env.city.password };
    await expect(openImap({ ...POLLER_DEFAULTS, imap }, log)).rejects.toThrow(
      `IMAP server ${env.imap.host}:${env.imap.port} does not answer in TLS: IMAP_SECURE=true needs a TLS port in IMAP_PORT (993 = TLS); for port 143 set IMAP_SECURE=false`);
  });
});
