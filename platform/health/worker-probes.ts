/**
 * The worker's metrics port serves its probes too: `/livez`, `/readyz` (PostgreSQL, migrations,
 * Temporal, the worker polling) and `/metrics`, which is the Temporal SDK's own Prometheus exporter
 * (bound to a loopback port of its own) passed through unchanged.
 */
import http from 'node:http';
import { listen } from '../http/listen';
import type { Readiness } from './readiness';

export async function serveWorkerProbes(options: {
  host: string;
  port: number;
  readiness: Readiness;
  /** Where the SDK's exporter listens (`http://127.0.0.1:<port>/metrics`). */
  metricsUpstream: string;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = req.url?.split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (path === '/livez') return void json(res, 200, { status: 'live' });
    if (path === '/readyz') {
      options.readiness.report().then(
        (report) => json(res, report.status === 'ready' ? 200 : 503, report),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (path === '/metrics') {
      fetch(options.metricsUpstream, { signal: AbortSignal.timeout(5_000) })
        .then(async (answer) => {
          const type = answer.headers.get('content-type') ?? 'text/plain; version=0.0.4';
          res.writeHead(answer.status, { 'Content-Type': type }).end(await answer.text());
        })
        .catch(() => res.writeHead(502).end());
      return;
    }
    res.writeHead(404).end();
  });
  const { origin, stop } = await listen(server, options.host, options.port);
  return { url: origin, stop };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
