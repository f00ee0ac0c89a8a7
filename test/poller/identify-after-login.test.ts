// The ID command after LOGIN that NetEase insists on: sent when imapflow would not repeat it, and only then.
import type { ImapFlow } from 'imapflow';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { identifyAfterLogin } from '../../src/poller/identify-after-login.ts';
import { openImap } from '../../src/poller/imap-connection.ts';
import { pollerConfig } from '../../src/poller/poller-config.ts';
import { openStage, startServices } from './poller-fixture.ts';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';

const clientInfo = { name: 'intake-bot', version: '1' };

function fakeClient(idAnswerBeforeLogin: Record<string, string>) {
  return { capabilities: new Map([['ID', true]]), idRequested: idAnswerBeforeLogin, run: vi.fn(async () => ({})) };
}

let env: ServicesEnv;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

describe('identifying to the server after LOGIN', () => {
  it('a server that answered ID fully before LOGIN (as NetEase does) is sent ID again after it', async () => {
    const client = fakeClient({ name: 'Coremail Imap', vendor: 'Mailtech' });
    await identifyAfterLogin(client as unknown as ImapFlow, clientInfo);
    expect(client.run).toHaveBeenCalledWith('ID', clientInfo);
  });

  it('a server whose first answer was nearly empty already had ID repeated by imapflow, so none is added', async () => {
    const client = fakeClient({ name: 'Dovecot' });
    await identifyAfterLogin(client as unknown as ImapFlow, clientInfo);
    expect(client.run).not.toHaveBeenCalled();
  });

  it('on a real connection the ID exchange took place and imapflow keeps its answer where the check reads it', async () => {
    const stage = await openStage(env);
    const client = await openImap(pollerConfig(stage.settings), stage.deps.log);
    expect(client.serverInfo?.name).toBe('Dovecot');
    expect((client as unknown as { idRequested: Record<string, string> }).idRequested).toMatchObject({ name: 'Dovecot' });
    await client.logout();
    await stage.dispose();
  });
});
