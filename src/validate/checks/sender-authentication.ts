// SENDER_NOT_AUTHENTICATED (an extension of the contract's warnings): the receiving server's
// Authentication-Results says the From domain failed DKIM, SPF or DMARC, so the filing may be forged.
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

const FAILED = /\b(dkim|spf|dmarc)\s*=\s*(fail|softfail|permerror)\b/gi;

export const checkSenderAuthentication: Check = ({ email }) => {
  // The topmost Authentication-Results is the one the city's own server added; lower ones could be forged.
  const results = email.headers['authentication-results'] ?? '';
  const failed = [...new Set([...results.matchAll(FAILED)].map((m) => `${m[1].toUpperCase()} ${m[2].toLowerCase()}`))];
  if (failed.length === 0) return [];
  return [finding('SENDER_NOT_AUTHENTICATED', { sender: email.from?.address ?? '', failed: failed.join('、') })];
};
