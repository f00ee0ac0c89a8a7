// The intake job as the poller queues it: the shared contract, which carries what it knows of an email it could not
// download (see IntakeJob.notDownloaded).
export type { IntakeJob as PolledIntakeJob, NotDownloadedNote } from '../service/jobs.ts';
