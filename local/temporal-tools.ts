import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '..');

export interface TemporalTools {
  temporalCli: string;
  temporalTestServer: string;
}

/**
 * Paths of the Temporal CLI and time-skipping test server, as resolved by
 * `scripts/ensure-temporal.sh` (env vars TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH win).
 */
export function temporalTools(): TemporalTools {
  const recorded = path.join(projectRoot, '.tools', 'env.json');
  const fromScript: Partial<TemporalTools> = fs.existsSync(recorded)
    ? JSON.parse(fs.readFileSync(recorded, 'utf8'))
    : {};
  const temporalCli = process.env.TEMPORAL_CLI_PATH || fromScript.temporalCli;
  const temporalTestServer = process.env.TEMPORAL_TEST_SERVER_PATH || fromScript.temporalTestServer;
  if (!temporalCli || !temporalTestServer) {
    throw new Error(
      'Temporal binaries not found: run `bash scripts/ensure-temporal.sh` (npm run setup does)',
    );
  }
  return { temporalCli, temporalTestServer };
}
