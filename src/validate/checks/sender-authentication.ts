// SENDER_NOT_AUTHENTICATED (an extension of the contract's warnings): the receiving server's Authentication-Results
// says the From domain failed DKIM, SPF or DMARC, or, for an address registered for a unit, that nothing vouched
// for it (no signature, no SPF pass): the filing may be forged, and the registry would have named its unit. The
// latter only where the rules name the receiving server (collector.authServIds): the topmost header of a server
// that writes none may be the sender's own server's, which checks nothing of its own mail.
import { receivingServerResults, type MethodResult } from '../../mail/authentication-results.ts';
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';
import { unitRegisteredFor } from '../identify-unit.ts';

const FAILING = new Set(['fail', 'softfail', 'permerror']);

export const checkSenderAuthentication: Check = ({ campaign, email }) => {
  const servers = campaign.collector.authServIds ?? [];
  const results = receivingServerResults(email.authResults, servers);
  // No header from the receiving server: it checks nothing, so there is nothing to go on either way.
  if (!results) return [];
  // DMARC's pass is the verdict on the From domain itself; a failing extra signature (a list's, a forwarder's) is not.
  if (results.some((r) => r.method === 'dmarc' && r.result === 'pass')) return [];
  const sender = email.from?.address ?? '';
  const failed = results.filter((r) => FAILING.has(r.result));
  const unvouched = servers.length > 0 && unitRegisteredFor(campaign, sender) !== undefined && !results.some((r) => r.result === 'pass');
  if (failed.length === 0 && !unvouched) return [];
  return [finding('SENDER_NOT_AUTHENTICATED', { sender, failed: named(failed.length > 0 ? failed : results) })];
};

function named(results: MethodResult[]): string {
  const labels = [...new Set(results.map((r) => `${r.method.toUpperCase()} ${r.result}`))];
  return labels.join('、') || '无任何认证结果';
}
