// NetEase (126/163) accepts LOGIN but answers SELECT/EXAMINE with "NO Unsafe Login" unless ID came after LOGIN.
import type { ImapFlow } from 'imapflow';

/** imapflow 2.10 keeps these out of its types; both exist on every connected client. */
interface ImapFlowInternals {
  idRequested?: Record<string, string> | false;
  run(command: 'ID', clientInfo: Record<string, string>): Promise<unknown>;
}

/**
 * imapflow sends ID before LOGIN and repeats it after LOGIN only when the first answer carried fewer than two
 * fields; a server that answered fully before LOGIN (as NetEase's does) would never see an ID after it.
 */
export async function identifyAfterLogin(client: ImapFlow, clientInfo: Record<string, string>): Promise<void> {
  if (!client.capabilities.has('ID')) return;
  const internals = client as unknown as ImapFlowInternals;
  if (Object.keys(internals.idRequested || {}).length < 2) return;
  await internals.run('ID', clientInfo);
}
