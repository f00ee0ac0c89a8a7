// Several pipeline threads, one email each at a time: deciding is CPU-bound, so a machine with more cores decides
// more emails at once. The intake worker's concurrency equals the pool's size, so a thread is always free.
import type { Verdict } from '../../types.ts';
import { PipelineRunner, type PipelineRequest } from './pipeline-runner.ts';

export type Pipeline = Pick<PipelineRunner, 'decide' | 'timeLimitMs'>;

export class PipelinePool implements Pipeline {
  private readonly runners: PipelineRunner[];
  private readonly free: PipelineRunner[];

  constructor(readonly size: number, readonly timeLimitMs: number, heapMb?: number) {
    this.runners = Array.from({ length: size }, () => new PipelineRunner(timeLimitMs, heapMb));
    this.free = [...this.runners];
  }

  async decide(request: Omit<PipelineRequest, 'id'>, timeLimitMs = this.timeLimitMs): Promise<Verdict> {
    const runner = this.free.pop();
    if (!runner) throw new Error(`more emails at once than the ${this.size} pipeline threads`);
    try {
      return await runner.decide(request, timeLimitMs);
    } finally {
      this.free.push(runner);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.close()));
  }
}
