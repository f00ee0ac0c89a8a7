// Lets a worker file run on its own (`tsx workers/reply.ts`): configuration, context, clean stop on SIGTERM/SIGINT.
import { fileURLToPath } from 'node:url';
import type { Worker } from 'bullmq';
import { loadConfig } from '../config/config.ts';
import { closeServiceContext, createServiceContext, type ServiceContext } from './service-context.ts';
import { closeWorker } from './start-worker.ts';

export function runWhenMain(moduleUrl: string, start: (ctx: ServiceContext) => Worker): void {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  const ctx = createServiceContext(loadConfig());
  const worker = start(ctx);
  const stop = async () => {
    await closeWorker(worker, ctx.log);
    await closeServiceContext(ctx);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
