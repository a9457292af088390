import net from 'node:net';
import { assertPortsFree } from '../../../local/ports';
import { freePorts } from '../../../platform/free-ports';
import { clusterPortsFrom } from '../../support/cluster/ports';

describe("npm run cluster's ports", () => {
  it('defaults to the layout the README describes, one claim per listener', () => {
    const { ports, claims } = clusterPortsFrom({});
    expect(ports.apis).toEqual([3000, 3001]);
    expect(ports.temporal.grpc.frontend).toBe(7233);
    expect(ports.temporal.ui).toBe(8233);
    expect(ports.postgres).toBe(5489);
    // PostgreSQL, provider, 2 × (API, API metrics, codec, worker metrics), 3 × 4 Temporal, HTTP, UI.
    expect(claims).toHaveLength(2 + 8 + 12 + 2);
    expect(new Set(claims.map((c) => c.port)).size).toBe(claims.length);
  });

  it('takes every port from its variable; none for PostgreSQL given by URL', () => {
    const { ports, claims } = clusterPortsFrom({
      DATABASE_URL: 'postgresql://u:p@db:5432/x',
      CLUSTER_API_PORTS: '4100,4101',
      TEMPORAL_GRPC_PORTS: '17233,17234,17235,17239',
      TEMPORAL_UI_PORT: '18233',
    });
    expect(ports.apis).toEqual([4100, 4101]);
    expect(ports.temporal.grpc).toEqual({ frontend: 17233, history: 17234, matching: 17235, worker: 17239 });
    expect(ports.temporal.ui).toBe(18233);
    expect(claims.map((c) => c.variable)).not.toContain('EMBEDDED_PG_PORT');
  });

  it('refuses a list of the wrong length or a non-port in one sentence', () => {
    expect(() => clusterPortsFrom({ CLUSTER_API_PORTS: '4100' })).toThrow(
      'CLUSTER_API_PORTS takes 2 ports, comma-separated (default 3000,3001)',
    );
    expect(() => clusterPortsFrom({ OIDC_PORT: 'x' })).toThrow('OIDC_PORT: "x" is not a port (1-65535)');
  });

  it('a port in use names its variable', async () => {
    const [taken, other] = (await freePorts(2)) as [number, number];
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(taken, '127.0.0.1', resolve));
    try {
      const { claims } = clusterPortsFrom({ CLUSTER_API_PORTS: `${other},${taken}` });
      const apiClaims = claims.filter((c) => c.variable.startsWith('CLUSTER_API_PORTS'));
      await expect(assertPortsFree(apiClaims)).rejects.toThrow(
        `port ${taken} is already in use: set CLUSTER_API_PORTS (its second port) to a free port`,
      );
    } finally {
      server.close();
    }
  });
});
