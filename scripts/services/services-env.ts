// Reads $SERVICES_DIR/accounts.env (written by up.sh) into typed endpoints and accounts, for tests and the demo.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServiceAccount {
  address: string;
  password: string;
}

export interface ServicesEnv {
  servicesDir: string;
  redisUrl: string;
  imap: { host: string; port: number };
  smtp: { host: string; port: number };
  lmtpPort: number;
  catchallAddress: string;
  /** The first account of the users list: the city's campaign mailbox. */
  city: ServiceAccount;
  accounts: ServiceAccount[];
  /** Every variable of the file, as the bot would read it (`set -a; . accounts.env`). */
  variables: Record<string, string>;
}

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The data folder up.sh uses: $SERVICES_DIR, else .services/ of the checkout. */
export function defaultServicesDir(): string {
  return process.env.SERVICES_DIR ? resolve(process.env.SERVICES_DIR) : join(projectRoot, '.services');
}

function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)='(.*)'$/.exec(line.trim());
    if (match) variables[match[1]] = match[2];
  }
  return variables;
}

export function readServicesEnv(servicesDir: string = defaultServicesDir()): ServicesEnv {
  const variables = parseEnvFile(readFileSync(join(servicesDir, 'accounts.env'), 'utf8'));
  const accounts = variables.ACCOUNTS.split(',').map((pair) => {
    const at = pair.lastIndexOf(':');
    return { address: pair.slice(0, at), password: pair.slice(at + 1) };
  });
  return {
    servicesDir: variables.SERVICES_DIR,
    redisUrl: variables.REDIS_URL,
    imap: { host: variables.IMAP_HOST, port: Number(variables.IMAP_PORT) },
    smtp: { host: variables.SMTP_HOST, port: Number(variables.SMTP_PORT) },
    lmtpPort: Number(variables.LMTP_PORT),
    catchallAddress: variables.CATCHALL_ADDRESS,
    city: accounts[0],
    accounts,
    variables,
  };
}

/** The account of `address`; throws when the users list has no such mailbox. */
export function accountOf(env: ServicesEnv, address: string): ServiceAccount {
  const account = env.accounts.find((candidate) => candidate.address === address.toLowerCase());
  if (!account) throw new Error(`no local mailbox ${address}; add it to scripts/services/users.txt`);
  return account;
}
