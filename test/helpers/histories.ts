import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { testDataConverter } from './temporal';

export const HISTORIES_DIR = path.join(__dirname, '..', 'workflow', 'histories');

/**
 * With `RECORD_HISTORIES=<revision>` set (`baseline`: `npm run histories:record`), saves the runs'
 * event histories as `<revision>-<workflowId>.json` for the replay test
 * (test/workflow/replay.test.ts): runs recorded under one revision of the workflow must replay on
 * every later one (docs/workflow-versioning.md).
 */
export async function recordHistories(address: string, workflowIds: string[]): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const connection = await Connection.connect({ address });
  try {
    await recordHistoriesFrom(new Client({ connection, dataConverter: testDataConverter }), workflowIds);
  } finally {
    await connection.close();
  }
}

/** The same, through a client at hand (e.g. the time-skipping environment's). */
export async function recordHistoriesFrom(client: Client, workflowIds: string[]): Promise<void> {
  const revision = process.env.RECORD_HISTORIES;
  if (!revision) return;
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const file = path.join(HISTORIES_DIR, `${revision}-${workflowId}.json`);
    fs.writeFileSync(file, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
  }
}
