import type { Server } from 'node:http';

/** `http://host:port`, an IPv6 host in brackets. */
export const originOf = (host: string, port: number, scheme = 'http') =>
  `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Listens on `host:port`; `stop()` closes it, open connections (scrapers keep theirs) included. */
export async function listen(server: Server, host: string, port: number) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    origin: originOf(host, port),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
