import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { recordedBeforeBaseline } from '../../../local/pre-baseline-runs';

const historiesIn = (folder: string) =>
  fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      file,
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'))),
    }));

/**
 * Two runs recorded by the code before the baseline (before its first patch, and under its last
 * ones), kept as fixtures; test/workflow/replay.test.ts checks that no baseline recording is taken for one.
 */
describe('runs from before the workflow release baseline', () => {
  it('are told apart: before the first patch and under the last ones', () => {
    const before = historiesIn(path.join(__dirname, '..', '..', 'fixtures', 'pre-baseline'));
    expect(before.map(({ file }) => file)).toEqual([
      'v1-upgrade-21314849-deck-a.json',
      'v5-upgrade-29600002-book-swap.json',
    ]);
    for (const { file, history } of before)
      expect([file, recordedBeforeBaseline(history)]).toEqual([file, true]);
  });
});
