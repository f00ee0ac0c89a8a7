// The poller's public face: start one per mailbox, or poll once.
export { startPoller, type PollerHandle, type PollerStats } from './mailbox-poller.ts';
export { pollOnce } from './poll-once.ts';
export { pollerConfig, POLLER_DEFAULTS, type PollerConfig, type PollerDeps, type PollerSettings, type ImapAccount } from './poller-config.ts';
export type { NotDownloadedNote, PolledIntakeJob } from './intake-job.ts';
