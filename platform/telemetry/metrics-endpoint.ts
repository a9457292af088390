import http from 'node:http';
import { Registry } from 'prom-client';
import { listen } from '../http/listen';

/** `GET /metrics` on `host:port`; anything else answers 404. */
export async function serveMetrics(
  metrics: { render(): Promise<string> },
  host: string,
  port: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { 'Content-Type': Registry.PROMETHEUS_CONTENT_TYPE }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  const { origin, stop } = await listen(server, host, port);
  return { url: `${origin}/metrics`, stop };
}
