// The intake stage's 'email decided' line: an ignored email says why, so the operator need not open the ledger.
import { describe, expect, it, vi } from 'vitest';
import { archiveEmail } from '../../src/archive/archive-email.ts';
import type { Pipeline } from '../../src/pipeline/thread/pipeline-pool.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { ServiceContext } from '../../src/service/service-context.ts';
import { runIntake } from '../../src/service/stages/intake-stage.ts';
import { capturedLog } from '../captured-log.ts';
import { tempDirForTest } from '../temp-dir.ts';

describe("the 'email decided' log line", () => {
  it('of an ignored email names the reason code', async () => {
    const dataDir = tempDirForTest('email-decided-');
    // An out-of-office answer too large to download: decided from its header alone, so no pipeline thread is needed.
    const header = Buffer.from('From: pjx@county.test\r\nTo: yysyj@126.com\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\n');
    const { emailId, archivePath } = await archiveEmail(dataDir, header);
    const { log, lines } = capturedLog();
    const ctx = {
      config: { dataDir, mailFrom: 'yysyj@126.com' }, campaign: loadCampaign(), log,
      queues: { ledger: { add: vi.fn(async () => ({})) } },
    } as unknown as ServiceContext;
    const place = { mailbox: 'INBOX', uidValidity: '1', uid: 1 };
    const notDownloaded = { reason: 'oversize' as const, bytes: 90 << 20, limitBytes: 60 << 20, attachments: [] };
    await runIntake(ctx, null as unknown as Pipeline, { emailId, archivePath, place, internalDate: '2022-07-01T06:20:11Z', notDownloaded });
    expect(lines.find((l) => l.msg === 'email decided')).toMatchObject({ emailId, decision: 'ignore', ignoredBecause: ['AUTO_GENERATED'] });
  });
});
