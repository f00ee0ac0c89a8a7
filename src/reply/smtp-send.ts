// Sends a composed message over SMTP; sorts failures into passing (retry later) and permanent (stop retrying).
import { UnrecoverableError } from 'bullmq';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.ts';

export function smtpTransport(config: Config['smtp']): Transporter {
  return nodemailer.createTransport({
    host: config.host, port: config.port, secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.pass } : undefined,
    connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000,
  });
}

/**
 * 4xx (126's `451 MI:SFQ` burst throttling), refused connections and time-outs pass: the job retries with backoff.
 * A 5xx answer (`550 no such user`, `554 DT:SPM`) will not change by retrying: UnrecoverableError ends the job.
 */
export async function sendRaw(transport: Transporter, envelope: { from: string; to: string[] }, raw: Buffer): Promise<void> {
  try {
    await transport.sendMail({ envelope, raw });
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    if (code !== undefined && code >= 500) throw new UnrecoverableError(`SMTP refused permanently (${code}): ${(err as Error).message}`);
    throw err;
  }
}
