// A worker process for stalled-jobs.test.ts, started through the service's own startWorker: it takes the test queue's
// job and either never finishes it (to be killed while it holds it) or finishes it. Locks are short so a kill is
// noticed within seconds. Args: REDIS_URL PREFIX hang|finish.
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { startWorker } from '../../src/service/start-worker.ts';
import type { ServiceContext } from '../../src/service/service-context.ts';

const [url, prefix, mode] = process.argv.slice(2);
const ctx = { redis: new Redis(url, { maxRetriesPerRequest: null }), bullPrefix: prefix, log: pino({ level: 'silent' }) } as unknown as ServiceContext;
startWorker(ctx, 'stall-test', () => (mode === 'hang' ? new Promise(() => {}) : Promise.resolve('done')), { lockDuration: 1000, stalledInterval: 500 });
