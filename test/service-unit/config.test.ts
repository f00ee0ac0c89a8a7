// The service's configuration: defaults, a message per wrong or misspelt variable, .env.example in step with the
// code, the .env file under the environment, no password in what is logged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, SETTINGS } from '../../src/config/config.ts';
import { environment, readEnvFile } from '../../src/config/env-file.ts';
import { tempDirForTest } from '../temp-dir.ts';

const minimal = { IMAP_HOST: 'imap.126.com', IMAP_USER: 'yysyj@126.com', IMAP_PASS: 'secret-code', SMTP_HOST: 'smtp.126.com', STAFF_TO: 'a@example.gov.cn' };

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was taken');
}

describe('configuration', () => {
  it('fills in the documented defaults', () => {
    const config = loadConfig(minimal);
    expect(config).toMatchObject({
      role: 'all', mailFrom: 'yysyj@126.com', repliesPerMinute: 20, repliesPerSenderPerHour: 10, ledgerFileDelayMs: 10_000, pipelineHeapMb: 1536,
      imap: { port: 993, secure: true, mailbox: 'INBOX' }, smtp: { port: 465, user: 'yysyj@126.com', pass: 'secret-code' },
    });
    expect(config.pipelineThreads).toBeGreaterThanOrEqual(1);
    expect(config.pipelineThreads).toBeLessThanOrEqual(2);
  });

  it('names every wrong variable at once', () => {
    const wrong = { ...minimal, PIPELINE_THREADS: '0', LEDGER_FILE_DELAY_SECONDS: 'soon', ROLE: 'everything' };
    const error = (() => { try { loadConfig(wrong); } catch (err) { return err; } })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('PIPELINE_THREADS must be a positive whole number, got "0"');
    expect((error as Error).message).toContain('LEDGER_FILE_DELAY_SECONDS must be a positive whole number, got "soon"');
    expect((error as Error).message).toContain('ROLE must be all, poller or workers');
  });

  it('reads .env.example as a valid configuration, every variable of it one the code knows and every one documented', () => {
    const example = readEnvFile('.env.example')!;
    const config = loadConfig(example);
    expect(config.pipelineThreads).toBe(Number(example.PIPELINE_THREADS));
    expect(config.ledgerFileDelayMs).toBe(Number(example.LEDGER_FILE_DELAY_SECONDS) * 1000);
    expect(config.pipelineHeapMb).toBe(Number(example.PIPELINE_HEAP_MB));
    expect(config.digestCron).toBe('0 18 * * *');
    expect(Object.keys(example).sort()).toEqual([...SETTINGS].sort());
  });

  it('names a setting misspelt by a letter or two, which would otherwise keep its default without a word', () => {
    const error = messageOf({ ...minimal, IMAP_IGNORE_BEFOR: '2022-06-29', DIGEST_CORN: '0 17 * * *', LMTP_PORT: '2424', SERVICES_DIR: '/x' });
    expect(error).toContain('IMAP_IGNORE_BEFOR is not a setting: did you mean IMAP_IGNORE_BEFORE?');
    expect(error).toContain('DIGEST_CORN is not a setting: did you mean DIGEST_CRON?');
    // Another program's variables, however close, are not the bot's business.
    expect(error).not.toContain('LMTP_PORT');
    expect(error).not.toContain('SERVICES_DIR');
  });

  it.each([['0 25 * * *'], ['every day at 6pm'], ['0 18 * *']])('refuses DIGEST_CRON=%s, which the scheduler could not read', (cron) => {
    expect(messageOf({ ...minimal, DIGEST_CRON: cron })).toContain(`DIGEST_CRON is not a cron pattern (minute hour day month weekday, e.g. "0 18 * * *" for 18:00 daily): "${cron}"`);
  });

  it('reads IMAP_IGNORE_BEFORE without an offset as the campaign\'s local time', () => {
    expect(loadConfig({ ...minimal, IMAP_IGNORE_BEFORE: '2022-06-29' }).imap.ignoreBefore).toBe('2022-06-28T16:00:00.000Z');
    expect(loadConfig({ ...minimal, IMAP_IGNORE_BEFORE: '2022-06-29T00:00:00Z' }).imap.ignoreBefore).toBe('2022-06-29T00:00:00.000Z');
  });

  it.each([
    ['2022/06/29', 'IMAP_IGNORE_BEFORE is not an ISO-8601 time'],
    ['Nov 28 2022', 'IMAP_IGNORE_BEFORE is not an ISO-8601 time'],
    ['2999-01-01', 'IMAP_IGNORE_BEFORE is still to come (2999-01-01): mail arriving before then would never be answered'],
  ])('refuses IMAP_IGNORE_BEFORE=%s', (value, message) => {
    expect(messageOf({ ...minimal, IMAP_IGNORE_BEFORE: value })).toContain(message);
  });

  it('refuses a LOG_LEVEL pino does not have', () => {
    expect(messageOf({ ...minimal, LOG_LEVEL: 'verbose' })).toContain('LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"');
  });

  it('reads a .env file under the environment, values with spaces and comments as dotenv writes them', () => {
    const path = join(tempDirForTest('env-file-'), '.env');
    writeFileSync(path, '# the city mailbox\nIMAP_HOST=imap.126.com\nDIGEST_CRON=0 18 * * *\nSTAFF_TO="a@example.gov.cn" # staff\nPATH=/nowhere\n');
    const { env, envFile } = environment(path);
    expect(envFile).toBe(path);
    expect(env).toMatchObject({ IMAP_HOST: 'imap.126.com', DIGEST_CRON: '0 18 * * *', STAFF_TO: 'a@example.gov.cn' });
    // What is set in the environment wins.
    expect(env.PATH).toBe(process.env.PATH);
    expect(environment(join(tempDirForTest('env-file-'), '.env')).envFile).toBeNull();
  });

  it('logs no password', () => {
    const logged = JSON.stringify(describeConfig(loadConfig({ ...minimal, REDIS_URL: 'redis://:redis-pass@127.0.0.1:6379' })));
    expect(logged).not.toContain('secret-code');
    expect(logged).not.toContain('redis-pass');
  });
});
