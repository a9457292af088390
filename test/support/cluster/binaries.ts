import fs from 'node:fs';
import path from 'node:path';

export interface ClusterBinaries {
  serverVersion: string;
  uiVersion: string;
  temporalServer: string;
  sqlTool: string;
  /** `schema/postgresql/v12` of the server's module: `temporal/versioned`, `visibility/versioned`. */
  schemaDir: string;
  uiServer: string;
}

const RECORDED = path.resolve(__dirname, '..', '..', '..', '.tools', 'cluster.json');

/** The binaries scripts/ensure-temporal-cluster.sh found or built (env vars win there). */
export function clusterBinaries(): ClusterBinaries {
  if (!fs.existsSync(RECORDED)) {
    throw new Error(
      'Temporal cluster binaries not found: run `bash scripts/ensure-temporal-cluster.sh` ' +
        '(`npm run cluster` and `npm test` do)',
    );
  }
  return JSON.parse(fs.readFileSync(RECORDED, 'utf8')) as ClusterBinaries;
}
