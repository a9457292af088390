import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { AppConfig } from './config';

type TemporalSettings = AppConfig['temporal'];

/**
 * Connection options shared by the client (API) and the worker, read by @temporalio/envconfig
 * from the standard names the Temporal CLI and every SDK use: TEMPORAL_API_KEY (Temporal Cloud;
 * turns TLS on), TEMPORAL_TLS, TEMPORAL_TLS_CLIENT_CERT_PATH / _KEY_PATH (mTLS),
 * TEMPORAL_TLS_SERVER_CA_CERT_PATH, TEMPORAL_TLS_SERVER_NAME, TEMPORAL_GRPC_META_*, or a profile of
 * TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE. `address` wins: it is the dev server's when none is set.
 */
export function temporalConnectionOptions(temporal: TemporalSettings, address: string) {
  const env = temporal.connectionEnv;
  const { connectionOptions } = loadClientConnectConfig({
    overrideEnvVars: env,
    disableFile: !env.TEMPORAL_CONFIG_FILE,
  });
  const apiKey = typeof connectionOptions.apiKey === 'string' ? connectionOptions.apiKey : undefined;
  return {
    address,
    tls: connectionOptions.tls,
    apiKey,
    metadata: {
      ...connectionOptions.metadata,
      // Temporal Cloud routes API-key calls by this header.
      ...(apiKey ? { 'temporal-namespace': temporal.namespace } : {}),
    },
  };
}
