// Worker entry point, stage "reply": send each answer once, rate-limited, then file the original email.
import { QUEUE, type ReplyJob } from '../src/service/jobs.ts';
import { MailboxSession } from '../src/mailbox/mailbox-session.ts';
import { smtpTransport } from '../src/reply/smtp-send.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { replyStillOwed, runReply } from '../src/service/stages/reply-stage.ts';
import { replyRetryDelayMs, tryWaitingRepliesNow } from '../src/service/reply-retry.ts';
import { startWorker } from '../src/service/start-worker.ts';
import { runWhenMain } from '../src/service/run-standalone.ts';

export function startReplyWorker(ctx: ServiceContext) {
  const transport = smtpTransport(ctx.config.smtp);
  const mailbox = new MailboxSession(ctx.config.imap, ctx.log);
  const worker = startWorker<ReplyJob>(ctx, QUEUE.reply, async (job) => ({ steps: await runReply(ctx, transport, mailbox, job.data) }), {
    concurrency: 1,
    // 126 throttles bursts (451 MI:SFQ): the limit holds across every worker process sharing this Redis.
    limiter: { max: ctx.config.repliesPerMinute, duration: 60_000 },
    settings: { backoffStrategy: replyRetryDelayMs },
  });
  tryWaitingRepliesNow(ctx.queues.reply, (job) => replyStillOwed(ctx, job)).then(
    (count) => { if (count > 0) ctx.log.info({ count }, 'replies waiting for a retry are tried now'); },
    (err: Error) => ctx.log.warn({ err }, 'waiting replies not tried at start; they keep their retry times'),
  );
  worker.on('closed', () => {
    transport.close();
    void mailbox.close();
  });
  return worker;
}

runWhenMain(import.meta.url, startReplyWorker);
