// The body of the pipeline thread: decides the emails it is sent (by the intake worker, by `check`) off the sender's
// event loop, and says which attachment it is reading so that the sender can bound each one.
import { parentPort } from 'node:worker_threads';
import { checkEmail } from '../check-email.ts';
import { loadCampaign } from '../../rules/load-campaign.ts';
import type { PipelineRequest, PipelineResponse } from './pipeline-runner.ts';

parentPort!.on('message', async (request: PipelineRequest) => {
  let response: PipelineResponse;
  try {
    const verdict = await checkEmail(Buffer.from(request.raw), {
      campaign: loadCampaign(request.campaignFile),
      receivedAt: request.receivedAt === undefined ? undefined : new Date(request.receivedAt),
      ownAddresses: request.ownAddresses,
      file: request.file,
      attachmentWatch: {
        stopped: request.stopped,
        onFile: (index) => parentPort!.postMessage({ id: request.id, reading: index } satisfies PipelineResponse),
      },
    });
    response = { id: request.id, verdict };
  } catch (err) {
    response = { id: request.id, error: (err as Error).stack ?? String(err) };
  }
  parentPort!.postMessage(response);
});
