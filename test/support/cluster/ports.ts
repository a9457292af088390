/**
 * Every port `npm run cluster` binds, each set by a variable (a list variable for the ports of
 * several processes), defaulting to the layout the README describes. Checked before anything
 * starts: a port in use is one sentence naming its variable (local/ports.ts).
 */
import type { PortClaim } from '../../../local/ports';
import type { ClusterPorts } from './cluster';
import { DEFAULT_TEMPORAL_PORTS, TEMPORAL_SERVICES, type TemporalService } from './temporal-cluster';

type Env = Record<string, string | undefined>;

/** A port variable that does not hold a port (or the number of ports it should). */
export class PortSettingError extends Error {
  override readonly name = 'PortSettingError';
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** The ports, and what to check, from `env` (the shell's, for npm run cluster). */
export function clusterPortsFrom(env: Env): { ports: ClusterPorts; claims: PortClaim[] } {
  const claims: PortClaim[] = [];
  const one = (variable: string, fallback: number): number => {
    const port = parsePort(variable, env[variable] ?? String(fallback));
    claims.push({ variable, host: '127.0.0.1', port });
    return port;
  };
  const list = (variable: string, fallback: number[]): number[] => {
    const given = (env[variable] ?? fallback.join(',')).split(',').map((p) => p.trim());
    if (given.length !== fallback.length) {
      throw new PortSettingError(
        `${variable} takes ${fallback.length} ports, comma-separated (default ${fallback})`,
      );
    }
    return given.map((text, i) => {
      const port = parsePort(variable, text);
      claims.push({ variable: `${variable} (its ${ORDINALS[i]} port)`, host: '127.0.0.1', port });
      return port;
    });
  };
  const perService = (variable: string, fallback: Record<TemporalService, number>) => {
    const ports = list(
      variable,
      TEMPORAL_SERVICES.map((s) => fallback[s]),
    );
    return Object.fromEntries(TEMPORAL_SERVICES.map((s, i) => [s, ports[i]])) as Record<
      TemporalService,
      number
    >;
  };

  const ports: ClusterPorts = {
    postgres: env.DATABASE_URL ? 5489 : one('EMBEDDED_PG_PORT', 5489),
    oidc: one('OIDC_PORT', 4000),
    apis: list('CLUSTER_API_PORTS', [3000, 3001]),
    apiMetrics: list('CLUSTER_API_METRICS_PORTS', [9464, 9474]),
    codecs: list('CLUSTER_CODEC_PORTS', [8234, 8244]),
    workerMetrics: list('CLUSTER_WORKER_METRICS_PORTS', [9465, 9475]),
    temporal: {
      grpc: perService('TEMPORAL_GRPC_PORTS', DEFAULT_TEMPORAL_PORTS.grpc),
      membership: perService('TEMPORAL_MEMBERSHIP_PORTS', DEFAULT_TEMPORAL_PORTS.membership),
      metrics: perService('TEMPORAL_METRICS_PORTS', DEFAULT_TEMPORAL_PORTS.metrics),
      frontendHttp: one('TEMPORAL_HTTP_PORT', DEFAULT_TEMPORAL_PORTS.frontendHttp),
      ui: one('TEMPORAL_UI_PORT', DEFAULT_TEMPORAL_PORTS.ui),
    },
  };
  return { ports, claims };
}

function parsePort(variable: string, text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new PortSettingError(`${variable}: "${text}" is not a port (1-65535)`);
  }
  return port;
}
