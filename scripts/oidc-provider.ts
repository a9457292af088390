/**
 * The development OpenID provider alone (local/auth/provider.ts), on OIDC_PORT with the issuer
 * OIDC_ISSUER: what `npm run cluster` and the tests run beside API processes that do not start
 * their own; with TEMPORAL_UI_URL it signs operators in to that standalone Temporal Web UI too
 * (`npm run cluster`). `--exit-with-parent` stops it when its standard input closes (its parent is gone).
 */
import { startDevelopmentProvider } from '../local/auth/provider';
import { loadConfig } from '../platform/config';

async function main() {
  const config = loadConfig();
  const development = config.auth.development;
  if (!development?.port)
    throw new Error('OIDC_PORT: set a port for the development provider (and not NODE_ENV=production)');
  const provider = await startDevelopmentProvider({
    port: development.port,
    host: config.api.host,
    issuer: development.issuer,
    audience: development.audience,
    publicBaseUrl: config.api.publicBaseUrl,
    temporalUiUrl: config.temporal.uiUrl,
    accessTokenSeconds: development.accessTokenSeconds,
    dataDir: process.env.DATA_DIR ? config.dataDir : undefined,
  });
  process.stdout.write(`development OpenID provider listening: ${provider.issuer}\n`);
  const stop = () => void provider.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.argv.includes('--exit-with-parent')) {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`failed to start the development OpenID provider: ${error.message}\n`);
  process.exit(1);
});
