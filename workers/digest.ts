// Worker entry point, stage "digest": the daily consolidated ledger to city staff.
import { QUEUE } from '../src/service/jobs.ts';
import { MailboxSession } from '../src/mailbox/mailbox-session.ts';
import { smtpTransport } from '../src/reply/smtp-send.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { runDigest } from '../src/service/stages/digest-stage.ts';
import { startWorker } from '../src/service/start-worker.ts';
import { runWhenMain } from '../src/service/run-standalone.ts';

export function startDigestWorker(ctx: ServiceContext) {
  const transport = smtpTransport(ctx.config.smtp);
  const mailbox = new MailboxSession(ctx.config.imap, ctx.log);
  const worker = startWorker(ctx, QUEUE.digest, async () => ({ sent: await runDigest(ctx, transport, mailbox) }), { concurrency: 1 });
  worker.on('closed', () => {
    transport.close();
    void mailbox.close();
  });
  return worker;
}

runWhenMain(import.meta.url, startDigestWorker);
