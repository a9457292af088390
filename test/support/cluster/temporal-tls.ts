/**
 * mTLS for the cluster's Temporal frontend (issue 31): anyone who reaches an unauthenticated
 * frontend can signal a run, so `npm run cluster` makes, at every start, a throw-away CA and the
 * certificates signed by it, in the data folder: the frontend's (127.0.0.1 and localhost), the
 * internode one the four services present to each other, and one client certificate each for the
 * server's own system worker, our API and worker processes, the Web UI and the operator's tools
 * (setup-namespace.sh, the health wait, the tests). The frontend requires a client certificate of
 * this CA; the CA's key is never written, so nothing can be signed for it after the start.
 * Production brings its own PKI (docs/operating.md) or Temporal Cloud's API keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TLSConfig } from '@temporalio/client';
import { generate } from 'selfsigned';

export interface KeyPair {
  certPath: string;
  keyPath: string;
}

/** Who holds a client certificate of the cluster's CA. */
export const CLIENTS = ['system-worker', 'app', 'ui', 'operator'] as const;
export type ClusterClient = (typeof CLIENTS)[number];

export interface ClusterTls {
  /** The CA that signed every certificate below: the servers' root and the frontend's client CA. */
  caPath: string;
  frontend: KeyPair;
  internode: KeyPair;
  clients: Record<ClusterClient, KeyPair>;
}

const LOOPBACK = [
  { type: 2 as const, value: 'localhost' },
  { type: 7 as const, ip: '127.0.0.1' },
];

/** A new CA and certificates in `dir` (replacing any earlier ones), valid for 30 days. */
export async function clusterCertificates(dir: string): Promise<ClusterTls> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const notBeforeDate = new Date(Date.now() - 60_000);
  const validity = { notBeforeDate, notAfterDate: new Date(notBeforeDate.getTime() + 30 * 86_400_000) };
  const ec = { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as const;
  const ca = await generate([{ name: 'commonName', value: 'Oxygen.id selfcare cluster CA (throw-away)' }], {
    ...ec,
    ...validity,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const caPath = path.join(dir, 'ca.pem');
  fs.writeFileSync(caPath, ca.cert);

  const issue = async (name: string, usage: { serverAuth?: boolean; clientAuth?: boolean }) => {
    const pems = await generate([{ name: 'commonName', value: `selfcare ${name}` }], {
      ...ec,
      ...validity,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', ...usage },
        ...(usage.serverAuth ? [{ name: 'subjectAltName' as const, altNames: LOOPBACK }] : []),
      ],
    });
    const pair = { certPath: path.join(dir, `${name}-cert.pem`), keyPath: path.join(dir, `${name}-key.pem`) };
    fs.writeFileSync(pair.keyPath, pems.private, { mode: 0o600 });
    fs.writeFileSync(pair.certPath, pems.cert);
    return pair;
  };

  const frontend = await issue('frontend', { serverAuth: true });
  // Each service is the others' server and client.
  const internode = await issue('internode', { serverAuth: true, clientAuth: true });
  const clients = {} as Record<ClusterClient, KeyPair>;
  for (const client of CLIENTS) clients[client] = await issue(client, { clientAuth: true });
  return { caPath, frontend, internode, clients };
}

/**
 * What deploy/temporal/config.yaml reads to serve the frontend with mTLS (and internode TLS), for
 * the cluster's services; without these it serves plaintext (docker-compose.yml, on its own network).
 */
export function serverTlsEnvironment(tls: ClusterTls): Record<string, string> {
  return {
    TEMPORAL_TLS_FRONTEND_CERT: tls.frontend.certPath,
    TEMPORAL_TLS_FRONTEND_KEY: tls.frontend.keyPath,
    TEMPORAL_TLS_CLIENT1_CA_CERT: tls.caPath,
    TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: 'true',
    TEMPORAL_TLS_SERVER_CERT: tls.internode.certPath,
    TEMPORAL_TLS_SERVER_KEY: tls.internode.keyPath,
    TEMPORAL_TLS_SERVER_CA_CERT: tls.caPath,
    TEMPORAL_TLS_SYSTEM_WORKER_CERT: tls.clients['system-worker'].certPath,
    TEMPORAL_TLS_SYSTEM_WORKER_KEY: tls.clients['system-worker'].keyPath,
    TEMPORAL_TLS_FRONTEND_SERVER_NAME: 'localhost',
    TEMPORAL_TLS_INTERNODE_SERVER_NAME: 'localhost',
  };
}

/**
 * A client's connection settings under the standard names: @temporalio/envconfig reads them for
 * our processes (platform/temporal-connection.ts), the `temporal` CLI reads the same ones.
 */
export function clientTlsEnvironment(tls: ClusterTls, client: ClusterClient): Record<string, string> {
  return {
    TEMPORAL_TLS_CLIENT_CERT_PATH: tls.clients[client].certPath,
    TEMPORAL_TLS_CLIENT_KEY_PATH: tls.clients[client].keyPath,
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: tls.caPath,
    TEMPORAL_TLS_SERVER_NAME: 'localhost',
  };
}

/** The same, as a TypeScript SDK `Connection`/`NativeConnection` takes it. */
export function connectionTls(tls: ClusterTls, client: ClusterClient): TLSConfig {
  return {
    serverRootCACertificate: fs.readFileSync(tls.caPath),
    serverNameOverride: 'localhost',
    clientCertPair: {
      crt: fs.readFileSync(tls.clients[client].certPath),
      key: fs.readFileSync(tls.clients[client].keyPath),
    },
  };
}

/** What deploy/temporal/ui/config/cluster.yaml reads to reach the frontend with the UI's certificate. */
export function uiTlsEnvironment(tls: ClusterTls): Record<string, string> {
  return {
    TEMPORAL_TLS_CA: tls.caPath,
    TEMPORAL_TLS_CERT: tls.clients.ui.certPath,
    TEMPORAL_TLS_KEY: tls.clients.ui.keyPath,
    TEMPORAL_TLS_ENABLE_HOST_VERIFICATION: 'true',
    TEMPORAL_TLS_SERVER_NAME: 'localhost',
  };
}
