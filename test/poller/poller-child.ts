// A poller in a process of its own, for the test where the polling process dies: prints `holding` once it polls.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startPoller, type PollerSettings } from '../../src/poller/index.ts';

const { settings, redisUrl, queueName, queuePrefix } = JSON.parse(process.argv[2]) as {
  settings: PollerSettings;
  redisUrl: string;
  queueName: string;
  queuePrefix: string;
};
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
const queue = new Queue(queueName, { connection: redis, prefix: queuePrefix });
const poller = startPoller(settings, { redis, queue, log: pino({ level: 'silent' }) });
const announce = setInterval(() => {
  if (!poller.stats().holdsLock) return;
  process.stdout.write('holding\n');
  clearInterval(announce);
}, 50);
