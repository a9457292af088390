import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../helpers/temporal';

const historiesDir = path.join(__dirname, 'histories');
const histories = fs
  .readdirSync(historiesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    workflowId: file.replace(/\.json$/, ''),
    history: JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8')),
  }));

/**
 * Histories recorded from real runs of both deck scenarios (see test/e2e/upgrade-scenarios.test.ts)
 * replay against today's workflow code: a change that is not deterministic fails here, before it
 * can break runs that are waiting for a technician in production.
 */
describe('UpgradeWorkflow replays recorded histories', () => {
  it('has histories of both deck scenarios', () => {
    expect(histories.map((h) => h.workflowId).sort()).toEqual([
      'upgrade-21301029-deck-b',
      'upgrade-21314849-deck-a',
    ]);
  });

  it('replays each of them without a non-determinism error', async () => {
    const results = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await workflowBundle() },
      histories,
    )) {
      results.push({ workflowId: result.workflowId, error: result.error?.message ?? null });
    }
    expect(results).toHaveLength(2);
    expect(results).toEqual(
      expect.arrayContaining([
        { workflowId: 'upgrade-21314849-deck-a', error: null },
        { workflowId: 'upgrade-21301029-deck-b', error: null },
      ]),
    );
  });
});
