// The demo (README command 1): county emails go into the city mailbox, the bot runs until each is handled, and a
// summary says what happened and where the replies and the ledger are. Uses the local services (npm run services:up).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config/config.ts';
import { readLedger } from '../../src/ledger/ledger-store.ts';
import { MailboxSession } from '../../src/mailbox/mailbox-session.ts';
import { startBot } from '../../src/service/bot.ts';
import { ledgerPrefixOf } from '../../src/service/service-context.ts';
import { runDigest } from '../../src/service/stages/digest-stage.ts';
import { smtpTransport } from '../../src/reply/smtp-send.ts';
import { projectRoot, readServicesEnv } from '../services/services-env.ts';
import { DEMO_EMAILS } from './demo-emails.ts';

const services = readServicesEnv();
const run = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
// A fresh folder of the city mailbox and fresh keys per run: the demo can be run again and again.
const folder = `演示-${run}`;
const dataDir = join(projectRoot, '.data', 'demo');
rmSync(dataDir, { recursive: true, force: true });
const config = loadConfig({ ...services.variables, IMAP_MAILBOX: folder, IMAP_SECURE: 'false', SMTP_SECURE: 'false', DATA_DIR: dataDir, IMAP_POLL_SECONDS: '5' });

const imap = new ImapFlow({ host: config.imap.host, port: config.imap.port, secure: false, auth: { user: config.imap.user, pass: config.imap.pass }, logger: false });
await imap.connect();
await imap.mailboxCreate(folder);
for (const email of DEMO_EMAILS) await imap.append(folder, readFileSync(join(projectRoot, email.file)), [], new Date(email.internalDate));
await imap.logout();
console.log(`放入城市邮箱（${config.imap.user} 的文件夹「${folder}」）${DEMO_EMAILS.length} 封县区邮件，启动机器人……`);

const keyPrefix = `demo-${run}:`;
const bot = await startBot(config, { bullPrefix: `demo-${run}`, keyPrefix });
const redis = new Redis(config.redisUrl);
const ledgerPrefix = ledgerPrefixOf(keyPrefix);
const deadline = Date.now() + 180_000;
let state = await readLedger(redis, ledgerPrefix);
// Handled means: a verdict in the ledger, and for every answered email its reply sent and the original filed.
const replied = async () => (await Promise.all(state.records.filter((r) => r.entry.verdict.decision !== 'ignore')
  .map((r) => redis.hget(`${keyPrefix}reply:${r.entry.emailId}`, 'filed')))).every(Boolean);
while (Date.now() < deadline && !(state.records.length === DEMO_EMAILS.length && (await replied()))) {
  await new Promise((r) => setTimeout(r, 500));
  state = await readLedger(redis, ledgerPrefix);
}
const mailbox = new MailboxSession(config.imap, bot.ctx.log);
await runDigest(bot.ctx, smtpTransport(config.smtp), mailbox);
await mailbox.close();
await bot.ctx.queues.ledger.add('file', { requestedAt: Date.now() + 60_000 });
await new Promise((r) => setTimeout(r, 1500));
await bot.stop();

const DECISION = { accept: '受理', reject: '退回', ignore: '不处理' } as const;
console.log('\n收到时间            单位        结果    问题代码                        演示要点');
for (const demo of DEMO_EMAILS) {
  const messageId = /^Message-ID:\s*(\S+)/im.exec(readFileSync(join(projectRoot, demo.file), 'latin1'))?.[1];
  const record = state.records.find((r) => r.entry.verdict.messageId === messageId);
  const v = record?.entry.verdict;
  // The reply carried RESUBMISSION for a filing that replaced an earlier one; the ledger keeps it as a version.
  const resubmitted = record?.filing && record.filing.version > 1 && record.filing.current ? ['RESUBMISSION'] : [];
  const codes = v ? [...v.errors, ...v.warnings].map((f) => f.code).concat(resubmitted).join(' ') : '（未处理）';
  const current = record?.filing && !record.filing.current ? '（已被替代）' : '';
  console.log(`${demo.internalDate.slice(0, 16).replace('T', ' ')}  ${(v?.unit ?? '-').padEnd(8, '　')}  ${v ? DECISION[v.decision] : '?'}${current.padEnd(6, '　')}  ${codes.padEnd(30)}  ${demo.shows}`);
}
console.log(`\n处理 ${state.records.length}/${DEMO_EMAILS.length} 封。`);
console.log(`回信：在各县邮箱中（IMAP ${config.imap.host}:${config.imap.port}，账号见 .services/accounts.env，如 xyxjyj@126.com），`);
console.log(`      副本在 ${join(services.servicesDir, 'smtp-sent')}/ 和城市邮箱的 Sent；原邮件已归入「已受理」「已退回」。`);
console.log(`台账：${bot.ctx.ledgerFile}`);
console.log(`每日台账邮件：已发给 ${config.staffTo.join('、')}（附台账表格）。`);
await redis.quit();
process.exit(state.records.length === DEMO_EMAILS.length ? 0 : 1);
