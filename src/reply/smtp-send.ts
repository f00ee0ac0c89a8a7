// Sends a composed message over SMTP; a refusal of this message for good ends the job, anything else passes to the
// job's retries.
import { UnrecoverableError } from 'bullmq';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.ts';
import { sortSmtpFailure, TROUBLE_HINT, type SmtpTrouble } from './smtp-failure.ts';

export function smtpTransport(config: Config['smtp']): Transporter {
  return nodemailer.createTransport({
    host: config.host, port: config.port, secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass } : undefined,
    connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000,
  });
}

/** A send that failed for our own side's trouble (login, connection, sender address, a 4xx): retried until it goes
 *  out. Its message is the setting the operator should look at, with the server's answer. */
export class SmtpTroubleError extends Error {
  constructor(readonly trouble: SmtpTrouble, readonly detail: string, options: ErrorOptions) {
    super(`${TROUBLE_HINT[trouble]} (${detail})`, options);
    this.name = 'SmtpTroubleError';
  }
}

/**
 * Only the server refusing this message or its recipient for good (`550 no such user` to RCPT TO, `554 DT:SPM` to
 * the message) throws UnrecoverableError, which ends the job. Everything else, `535` to the login included, throws
 * SmtpTroubleError and the job retries (sortSmtpFailure says why).
 */
export async function sendRaw(transport: Transporter, envelope: { from: string; to: string[] }, raw: Buffer): Promise<void> {
  try {
    await transport.sendMail({ envelope, raw });
  } catch (err) {
    const failure = sortSmtpFailure(err);
    if (failure.permanent) throw new UnrecoverableError(`SMTP refused permanently: ${failure.detail}`);
    throw new SmtpTroubleError(failure.trouble, failure.detail, { cause: err });
  }
}
