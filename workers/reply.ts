// Worker entry point, stage "reply": send each answer once, rate-limited, then file the original email.
import { QUEUE, type ReplyJob } from '../src/service/jobs.ts';
import { MailboxSession } from '../src/mailbox/mailbox-session.ts';
import { smtpTransport } from '../src/reply/smtp-send.ts';
import type { ServiceContext } from '../src/service/service-context.ts';
import { replyStillOwed, runReply } from '../src/service/stages/reply-stage.ts';
import { liftReplyPause, replyRetryDelayMs, tryWaitingRepliesNow } from '../src/service/reply-retry.ts';
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
    // Started once a pause of the replies is lifted: a worker that saw the pause would sit it out.
    autorun: false,
  });
  tryOwedRepliesNow(ctx)
    .catch((err: Error) => ctx.log.warn({ err }, 'waiting replies not tried at start; they keep their retry times'))
    .finally(() => worker.run().catch((err: Error) => worker.emit('error', err)));
  worker.on('closed', () => {
    transport.close();
    void mailbox.close();
  });
  return worker;
}

/** A restart most likely follows a fixed SMTP setting: replies paused or waiting for the old one are tried now. */
async function tryOwedRepliesNow(ctx: ServiceContext): Promise<void> {
  const pauseLifted = await liftReplyPause(ctx.redis, ctx.keyPrefix, ctx.queues.reply);
  const count = await tryWaitingRepliesNow(ctx.queues.reply, (job) => replyStillOwed(ctx, job));
  if (pauseLifted || count > 0) ctx.log.info({ count, pauseLifted }, 'replies waiting for a retry are tried now');
}

runWhenMain(import.meta.url, startReplyWorker);
