// A loopback TCP relay in front of Dovecot: the bot talks IMAP through it, and the run drops every connection at once
// (a network blip, a server restart) while Dovecot itself stays up for everyone else.
import { createConnection, createServer, type Socket } from 'node:net';

export interface ImapProxy {
  port: number;
  /** Destroys every open connection, both ends; new connections are relayed as before. */
  dropAll(): number;
  close(): Promise<void>;
}

export async function startImapProxy(target: { host: string; port: number }): Promise<ImapProxy> {
  const open = new Set<Socket>();
  const track = (socket: Socket) => { open.add(socket); socket.on('close', () => open.delete(socket)); };
  const server = createServer((client) => {
    const upstream = createConnection(target);
    track(client);
    track(upstream);
    client.pipe(upstream).on('error', () => client.destroy());
    upstream.pipe(client).on('error', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    dropAll() {
      const count = open.size;
      for (const socket of open) socket.destroy();
      return count;
    },
    close: () => new Promise((resolve) => { for (const socket of open) socket.destroy(); server.close(() => resolve()); }),
  };
}
