// A loopback TCP relay in front of Dovecot, so a test can cut or silence the poller's connection as a network would.
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections opened through the relay so far. */
  connections(): number;
  /** Closes every open connection from the server side. */
  dropAll(): void;
  /** Stops relaying on every open connection without closing it: a dead line that no error reports. */
  freezeAll(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs: [Socket, Socket][] = [];
  let opened = 0;
  const server = createServer((inbound) => {
    opened += 1;
    const outbound = connect(target.port, target.host);
    inbound.pipe(outbound).pipe(inbound);
    const end = () => {
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
    pairs.push([inbound, outbound]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    connections: () => opened,
    dropAll: () => pairs.splice(0).forEach(([inbound, outbound]) => (inbound.destroy(), outbound.destroy())),
    freezeAll: () =>
      pairs.forEach(([inbound, outbound]) => {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
      }),
    close: async () => {
      pairs.splice(0).forEach(([inbound, outbound]) => (inbound.destroy(), outbound.destroy()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
