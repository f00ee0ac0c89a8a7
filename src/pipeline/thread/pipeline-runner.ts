// Runs the pipeline in a worker thread: parsing and seal rendering are CPU-heavy, and a job's lock is renewed by
// the main thread's event loop. A hostile file that takes too long or too much memory is stopped by ending the thread.
import { Worker } from 'node:worker_threads';
import { ATTACHMENT_TIME_LIMIT_MS, PIPELINE_HEAP_MB, readTimeoutReason } from '../../limits.ts';
import type { Verdict } from '../../types.ts';

/** `receivedAt` (ISO-8601) and `campaignFile` as in CheckOptions: taken from the headers and rules/ when absent.
 *  `stopped`: attachments an earlier run was stopped on (index -> reason to report), not opened again. */
export interface PipelineRequest {
  id: number; raw: Uint8Array; receivedAt?: string; campaignFile?: string; ownAddresses: string[]; file?: string;
  stopped?: Record<number, string>;
}
/** `reading`: the thread is about to read this attachment (its index in the email), or has read them all (null). */
export type PipelineResponse =
  | { id: number; verdict: Verdict } | { id: number; error: string } | { id: number; reading: number | null };

/** The thread gave up on an email: past a time limit, or out of its memory. The email gets a verdict anyway. */
export class PipelineGaveUpError extends Error {
  /** `attachment`: the index of the file being read when the thread was stopped; null outside the attachments. */
  constructor(message: string, readonly reason: string, readonly attachment: number | null) {
    super(message);
    this.name = 'PipelineGaveUpError';
  }
}

/** The readers' own limits (ATTACHMENT_TIME_LIMIT_MS) answer first whenever pdf.js or mammoth yields; a synchronous
 *  font parse never does, so past this much longer on one file the thread is stopped. */
const FILE_TIME_LIMIT_MS = ATTACHMENT_TIME_LIMIT_MS + 10_000;

/** V8 would give each thread's young generation up to 48 MB; 24 kept two threads' bot under 500 MB on deadline day
 *  at no measurable cost in time (BENCHMARKS.md). */
const THREAD_YOUNG_MB = 24;

// Run from src/ (tsx), a thread must register tsx before it can load TypeScript; the build in dist/ loads as it is.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(FROM_SOURCE ? './thread-entry.mjs' : './pipeline-thread.js', import.meta.url);
const BODY = new URL('./pipeline-thread.ts', import.meta.url).href;

/** One thread, one email at a time (PipelinePool hands each thread one email). */
export class PipelineRunner {
  private thread: Worker | null = null;
  private nextId = 1;

  /** `timeLimitMs` bounds an email, `fileLimitMs` one attachment of it. `heapMb` caps the thread's heap (an email
   *  past it is answered as too large); from 2048 MB up V8 lets the heap grow four-fold between collections instead
   *  of about twice: less CPU, more memory (BENCHMARKS.md). */
  constructor(
    readonly timeLimitMs: number, private readonly heapMb = PIPELINE_HEAP_MB, private readonly fileLimitMs = FILE_TIME_LIMIT_MS,
  ) {}

  /** Starts the thread now, so that it loads the pipeline while its caller does other work; `decide` starts it anyway. */
  start(): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: THREAD_YOUNG_MB };
    return (this.thread ??= new Worker(ENTRY, { workerData: FROM_SOURCE ? { entry: BODY } : {}, resourceLimits }));
  }

  /** The verdict, or a PipelineGaveUpError past `timeLimitMs` for the email, past the file limit on one attachment,
   *  or out of memory (the thread is then ended; the next email starts a fresh one). */
  async decide(request: Omit<PipelineRequest, 'id'>, timeLimitMs = this.timeLimitMs): Promise<Verdict> {
    const thread = this.start();
    const id = this.nextId++;
    return new Promise<Verdict>((resolve, reject) => {
      let reading: number | null = null;
      let fileTimer: NodeJS.Timeout | undefined;
      const giveUp = (message: string, reason: string) => {
        cleanup();
        void this.restart();
        reject(new PipelineGaveUpError(message, reason, reading));
      };
      const timer = setTimeout(() => giveUp(`not decided within ${timeLimitMs} ms`, '处理超时（文件过于复杂或已损坏）'), timeLimitMs);
      const onMessage = (response: PipelineResponse) => {
        if (response.id !== id) return;
        if ('reading' in response) {
          reading = response.reading;
          clearTimeout(fileTimer);
          if (reading === null) return;
          fileTimer = setTimeout(() => giveUp(`attachment ${reading} not read within ${this.fileLimitMs} ms`,
            readTimeoutReason(this.fileLimitMs)), this.fileLimitMs);
          return;
        }
        cleanup();
        if ('verdict' in response) resolve(response.verdict);
        else reject(new Error(`pipeline failed: ${response.error}`));
      };
      // An 'error' (out of memory, a crash) is followed by 'exit'; either way this email ends the thread.
      const onError = (err: Error) => {
        cleanup();
        this.thread = null;
        reject(new PipelineGaveUpError(`pipeline thread failed: ${err.message}`, '文件过大或结构异常，处理时超出内存限制', reading));
      };
      const onExit = (code: number) => onError(new Error(`exit code ${code}`));
      const cleanup = () => {
        clearTimeout(timer);
        clearTimeout(fileTimer);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      thread.postMessage({ id, ...request });
    });
  }

  /** Ends the thread (a stuck one included); the next email starts a fresh one. */
  async restart(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.terminate();
  }

  close(): Promise<void> {
    return this.restart();
  }
}
