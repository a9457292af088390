import net from 'node:net';
import { assertPortsFree, portsToClaim } from '../../../local/ports';
import { loadConfig } from '../../../platform/config';
import { environmentWithoutConfig } from '../../../platform/environment';
import { freePorts } from '../../../platform/free-ports';

async function occupied(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** The variable of every port `npm start` binds, in the order it claims them. */
const PORT_VARIABLES = [
  'PORT',
  'API_METRICS_PORT',
  'WORKER_METRICS_PORT',
  'CODEC_PORT',
  'OIDC_PORT',
  'MIDTRANS_STAND_IN_PORT',
  'EMBEDDED_PG_PORT',
  'TEMPORAL_DEV_PORT',
  'TEMPORAL_UI_PORT',
];

describe('the ports a stack binds', () => {
  it('names every port npm start binds by its variable; none for infrastructure given by URL', () => {
    const local = portsToClaim(loadConfig({ NODE_ENV: 'test' })).map((c) => [c.variable, c.port]);
    expect(local).toEqual([
      ['PORT', 3000],
      ['API_METRICS_PORT', 9464],
      ['WORKER_METRICS_PORT', 9465],
      ['CODEC_PORT', 8234],
      ['OIDC_PORT', 4000],
      ['MIDTRANS_STAND_IN_PORT', 4010],
      ['EMBEDDED_PG_PORT', 5488],
      ['TEMPORAL_DEV_PORT', 7233],
      ['TEMPORAL_UI_PORT', 8233],
    ]);
    const remote = portsToClaim(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: 'postgresql://u:p@db:5432/x',
        TEMPORAL_ADDRESS: 'temporal:7233',
        RUN_API: 'false',
        WORKER_METRICS_PORT: 'off',
      }),
    );
    expect(remote).toEqual([]);
  });

  it.each(PORT_VARIABLES)('a taken %s is answered with one sentence naming it', async (variable) => {
    const ports = await freePorts(PORT_VARIABLES.length);
    const env = Object.fromEntries(PORT_VARIABLES.map((name, i) => [name, String(ports[i])]));
    const taken = ports[PORT_VARIABLES.indexOf(variable)]!;
    const server = await occupied(taken);
    try {
      await expect(assertPortsFree(portsToClaim(loadConfig({ NODE_ENV: 'test', ...env })))).rejects.toThrow(
        new RegExp(`^port ${taken} is already in use: set ${variable} to a free port`),
      );
    } finally {
      server.close();
    }
  });

  it('two variables on one port are named together', async () => {
    const [port] = await freePorts(1);
    const config = loadConfig({ NODE_ENV: 'test', PORT: String(port), WORKER_METRICS_PORT: String(port) });
    await expect(assertPortsFree(portsToClaim(config))).rejects.toThrow(
      `WORKER_METRICS_PORT and PORT are both ${port}`,
    );
  });

  it('free ports pass', async () => {
    const ports = await freePorts(8);
    const [a, b, c, d, e, f, g, h] = ports.map(String);
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: a,
      API_METRICS_PORT: b,
      WORKER_METRICS_PORT: c,
      EMBEDDED_PG_PORT: d,
      TEMPORAL_DEV_PORT: e,
      TEMPORAL_UI_PORT: f,
      CODEC_PORT: g,
      OIDC_PORT: h,
    });
    await expect(assertPortsFree(portsToClaim(config))).resolves.toBeUndefined();
  });
});

describe('a stack a script starts has a configuration of its own', () => {
  it("drops the shell's configuration (a leaked AUTH_JWT_SECRET, PORT...) and keeps the machine's", () => {
    const kept = environmentWithoutConfig({
      PATH: '/usr/bin',
      HOME: '/root',
      AUTH_JWT_SECRET: 'a-secret-of-the-shell-that-the-bench-does-not-sign-with',
      PORT: '4000',
      WORKER_METRICS_PORT: '9999',
      DATABASE_URL: 'postgresql://elsewhere',
      TEMPORAL_CLI_PATH: '/opt/temporal',
    });
    expect(kept).toEqual({ PATH: '/usr/bin', HOME: '/root', TEMPORAL_CLI_PATH: '/opt/temporal' });
  });
});
