// The body of the pipeline thread: decides emails sent by the intake worker, off the worker's event loop.
import { parentPort } from 'node:worker_threads';
import { checkEmail } from '../../pipeline/check-email.ts';
import { loadCampaign } from '../../rules/load-campaign.ts';
import type { PipelineRequest, PipelineResponse } from './pipeline-runner.ts';

parentPort!.on('message', async (request: PipelineRequest) => {
  let response: PipelineResponse;
  try {
    const verdict = await checkEmail(Buffer.from(request.raw), {
      campaign: loadCampaign(request.campaignFile),
      receivedAt: new Date(request.receivedAt),
      ownAddresses: request.ownAddresses,
    });
    response = { id: request.id, verdict };
  } catch (err) {
    response = { id: request.id, error: (err as Error).stack ?? String(err) };
  }
  parentPort!.postMessage(response);
});
