// Worker-thread bootstrap: threads do not inherit tsx's loader, so register it here before loading the TypeScript.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
