/**
 * The ports `npm start` binds, each named by the variable that sets it, checked before anything
 * starts: a port already taken (a second stack on one machine) is answered with one sentence
 * naming the variable to change, not a server's own error half-way through the start.
 */
import net from 'node:net';
import type { AppConfig } from '../platform/config';

export interface PortClaim {
  variable: string;
  host: string;
  port: number;
}

/** Every port this configuration starts something on (nothing for infrastructure given by URL). */
export function portsToClaim(config: AppConfig): PortClaim[] {
  const { host: metricsHost, apiPort, workerPort } = config.metrics;
  const claims: Array<PortClaim | false | null> = [
    config.runApi && { variable: 'PORT', host: config.api.host, port: config.api.port },
    config.runApi && apiPort !== null && { variable: 'API_METRICS_PORT', host: metricsHost, port: apiPort },
    config.runWorker &&
      workerPort !== null && { variable: 'WORKER_METRICS_PORT', host: metricsHost, port: workerPort },
    config.runApi &&
      config.codec.port !== null && {
        variable: 'CODEC_PORT',
        host: config.codec.host,
        port: config.codec.port,
      },
    config.runApi &&
      !!config.auth.development?.port && {
        variable: 'OIDC_PORT',
        host: '127.0.0.1',
        port: config.auth.development.port,
      },
    config.runApi &&
      config.payments.midtrans.standInPort !== null &&
      config.payments.midtrans.standInPort !== 0 && {
        variable: 'MIDTRANS_STAND_IN_PORT',
        host: '127.0.0.1',
        port: config.payments.midtrans.standInPort,
      },
    !config.database.url && {
      variable: 'EMBEDDED_PG_PORT',
      host: '127.0.0.1',
      port: config.database.embeddedPort,
    },
    !config.temporal.address && {
      variable: 'TEMPORAL_DEV_PORT',
      host: '127.0.0.1',
      port: config.temporal.devServer.port,
    },
    !config.temporal.address && {
      variable: 'TEMPORAL_UI_PORT',
      host: '127.0.0.1',
      port: config.temporal.devServer.uiPort,
    },
  ];
  return claims.filter((claim): claim is PortClaim => !!claim);
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** Throws PortInUseError naming the first variable whose port cannot be bound, or two that collide. */
export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const seen = new Map<number, string>();
  for (const claim of claims) {
    const other = seen.get(claim.port);
    if (other) {
      throw new PortInUseError(
        `${claim.variable} and ${other} are both ${claim.port}: give each a port of its own`,
      );
    }
    seen.set(claim.port, claim.variable);
    if (!(await canListen(claim.host, claim.port))) {
      throw new PortInUseError(
        `port ${claim.port} is already in use: set ${claim.variable} to a free port${
          claim.variable.endsWith('METRICS_PORT') ? ' (or off)' : ''
        }`,
      );
    }
  }
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
