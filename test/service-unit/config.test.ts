// The service's configuration: defaults, a message per wrong variable, .env.example in step with the code, no
// password in what is logged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../src/config/config.ts';

const minimal = { IMAP_HOST: 'imap.126.com', IMAP_USER: 'yysyj@126.com', IMAP_PASS: 'secret-code', SMTP_HOST: 'smtp.126.com', STAFF_TO: 'a@example.gov.cn' };

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

  it('reads .env.example as a valid configuration, every variable of it one the code knows', () => {
    const example = Object.fromEntries(readFileSync('.env.example', 'utf8').split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    const config = loadConfig(example);
    expect(config.pipelineThreads).toBe(Number(example.PIPELINE_THREADS));
    expect(config.ledgerFileDelayMs).toBe(Number(example.LEDGER_FILE_DELAY_SECONDS) * 1000);
    expect(config.pipelineHeapMb).toBe(Number(example.PIPELINE_HEAP_MB));
    const source = readFileSync('src/config/config.ts', 'utf8') + readFileSync('src/log.ts', 'utf8');
    // Read as text('NAME', ...) or as env.NAME.
    for (const name of Object.keys(example)) expect(source, name).toMatch(new RegExp(`['.]${name}\\b`));
  });

  it('logs no password', () => {
    const logged = JSON.stringify(describeConfig(loadConfig({ ...minimal, REDIS_URL: 'redis://:redis-pass@127.0.0.1:6379' })));
    expect(logged).not.toContain('secret-code');
    expect(logged).not.toContain('redis-pass');
  });
});
