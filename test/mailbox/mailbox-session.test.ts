// The reply worker's steps in the mailbox share one IMAP connection on the real local Dovecot: one login for a run of
// replies, a new one after the server drops it or a step fails on it, and a logout once the replies stop coming.
import type { ImapFlow } from 'imapflow';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MailboxSession } from '../../src/mailbox/mailbox-session.ts';
import { openStage, startServices, type Stage } from '../poller/poller-fixture.ts';
import { startTcpProxy, type TcpProxy } from '../poller/tcp-proxy.ts';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';

let env: ServicesEnv;
let stage: Stage | undefined;
let proxy: TcpProxy | undefined;
let session: MailboxSession | undefined;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  await session?.close();
  await proxy?.close();
  await stage?.dispose();
  session = proxy = stage = undefined;
});

/** A session whose connections go through a relay the test can cut and count. */
async function sessionThroughRelay(idleLogoutMs?: number): Promise<{ session: MailboxSession; stage: Stage; proxy: TcpProxy }> {
  stage = await openStage(env);
  proxy = await startTcpProxy(env.imap);
  session = new MailboxSession({ ...stage.settings.imap, port: proxy.port }, stage.deps.log, idleLogoutMs);
  return { session, stage, proxy };
}

const reply = (n: number) => Buffer.from(`From: city@local.test\r\nTo: county@local.test\r\nSubject: reply ${n}\r\n\r\nbody ${n}\r\n`);

async function messagesIn(stage: Stage): Promise<number> {
  const status = await stage.imap.status(stage.folder, { messages: true });
  return status ? status.messages ?? 0 : 0;
}

describe("the reply worker's IMAP session", () => {
  it('does the steps of several replies over one connection, and connects again after the server drops it', async () => {
    const { session, stage, proxy } = await sessionThroughRelay();
    for (const n of [1, 2, 3]) await session.use((client) => client.append(stage.folder, reply(n)));
    expect(proxy.connections()).toBe(1);
    const first = await session.use(async (client) => client);
    proxy.dropAll();
    await vi.waitFor(() => expect(first.usable).toBe(false));
    await session.use((client) => client.append(stage.folder, reply(4)));
    expect(proxy.connections()).toBe(2);
    expect(await messagesIn(stage)).toBe(4);
  });

  it('starts afresh after a step fails on the connection, closing the one it failed on', async () => {
    const { session, stage, proxy } = await sessionThroughRelay();
    let failedOn: ImapFlow | undefined;
    await expect(session.use(async (client) => {
      failedOn = client;
      throw new Error('step failed');
    })).rejects.toThrow('step failed');
    expect(failedOn?.usable).toBe(false);
    await session.use((client) => client.append(stage.folder, reply(1)));
    expect(proxy.connections()).toBe(2);
    expect(await messagesIn(stage)).toBe(1);
  });

  it('logs out once no step has come for a while, and logs in again for the next', async () => {
    const { session, stage, proxy } = await sessionThroughRelay(200);
    const first = await session.use(async (client) => client);
    await vi.waitFor(() => expect(first.usable).toBe(false));
    await session.use((client) => client.append(stage.folder, reply(1)));
    expect(proxy.connections()).toBe(2);
  });
});
