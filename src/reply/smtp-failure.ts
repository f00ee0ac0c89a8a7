// Whose fault a failed SMTP send is. Only the mail server refusing this message or its recipient is for good; a fault
// of our own side (the bot's login, its connection or TLS settings, its sender address, a server's bad minute) is the
// same for every reply and passes once the operator fixes it, so that reply must wait, not be given up.

/** Our side's trouble, by the setting the operator should look at. */
export type SmtpTrouble = 'login' | 'connection' | 'sender' | 'deferred';

export type SmtpFailure =
  | { permanent: true; detail: string }
  | { permanent: false; trouble: SmtpTrouble; detail: string };

/** What nodemailer puts on its errors (smtp-connection's _formatError). */
interface NodemailerError { code?: string; command?: string; responseCode?: number; message?: string }

// RFC 4954: 530 authentication required, 534 mechanism too weak, 535 credentials invalid, 538 encryption required.
const LOGIN_CODES = new Set([530, 534, 535, 538]);
// About the message or its recipient: EENVELOPE (RCPT TO, DATA) and EMESSAGE (the message after DATA).
const MESSAGE_CODES = new Set(['EENVELOPE', 'EMESSAGE']);

export function sortSmtpFailure(error: unknown): SmtpFailure {
  const { code, command, responseCode, message } = (error ?? {}) as NodemailerError;
  const detail = String(message ?? error).trim();
  const ours = (trouble: SmtpTrouble): SmtpFailure => ({ permanent: false, trouble, detail });
  if (code === 'EAUTH' || code === 'ENOAUTH' || (responseCode !== undefined && LOGIN_CODES.has(responseCode))) return ours('login');
  if (responseCode === undefined) {
    // nodemailer itself refused this message before sending it (an invalid recipient, too large for the server).
    if (code !== undefined && MESSAGE_CODES.has(code)) return { permanent: true, detail };
    // No answer from a server at all: refused or dropped connections, time-outs, DNS, TLS handshakes.
    return ours('connection');
  }
  // 4xx is temporary by definition; 503 is a command out of sequence, not a refusal of the message.
  if (responseCode < 500 || responseCode === 503) return ours('deferred');
  // MAIL FROM names the bot's own address: refused, it is refused for every reply (126's 550 when SMTP is not enabled
  // for the mailbox, 553 when MAIL_FROM is not the logged-in account).
  if (command === 'MAIL FROM') return ours('sender');
  if (code !== undefined && MESSAGE_CODES.has(code)) return { permanent: true, detail };
  // A 5xx to the greeting or EHLO (an IP the server blocks, a port that is not SMTP): the connection, not the message.
  return ours('connection');
}

/** One line for the operator: the setting to look at. Never carries a password (nodemailer's messages do not). */
export const TROUBLE_HINT: Record<SmtpTrouble, string> = {
  login: 'SMTP login refused: check SMTP_USER / SMTP_PASS (for 126 mail the client authorisation code 授权码, not the web password)',
  connection: 'SMTP server not reached: check SMTP_HOST, SMTP_SECURE and SMTP_PORT (465 = TLS, 25/587 = plain/STARTTLS) and the network',
  sender: 'SMTP server refused our sender address: check MAIL_FROM is the SMTP_USER account and SMTP is enabled in the mailbox settings',
  deferred: 'SMTP server deferred the reply (4xx, e.g. 126 throttling a burst)',
};
