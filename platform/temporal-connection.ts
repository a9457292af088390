import fs from 'node:fs';
import type { AppConfig } from './config';

type TemporalSettings = AppConfig['temporal'];

/**
 * Connection options shared by the client (API) and the worker. A Temporal Cloud namespace
 * takes either an API key or an mTLS client certificate; a self-hosted cluster may use neither.
 */
export function temporalConnectionOptions(temporal: TemporalSettings, address: string) {
  const tls = temporal.tls
    ? {
        serverNameOverride: temporal.tls.serverName,
        serverRootCACertificate: temporal.tls.caPath ? fs.readFileSync(temporal.tls.caPath) : undefined,
        clientCertPair:
          temporal.tls.certPath && temporal.tls.keyPath
            ? { crt: fs.readFileSync(temporal.tls.certPath), key: fs.readFileSync(temporal.tls.keyPath) }
            : undefined,
      }
    : undefined;
  return {
    address,
    tls,
    apiKey: temporal.apiKey,
    metadata: temporal.apiKey ? { 'temporal-namespace': temporal.namespace } : undefined,
  };
}
