/**
 * Search attributes are the one part of a run Temporal keeps in plaintext whatever the codec
 * (it indexes them). docs/security.md lists each with what it holds and why; this keeps the list
 * and contracts/search-attributes.ts the same, so a new one is reviewed there first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTES, searchAttributeCliPairs } from '../../../contracts/search-attributes';

const security = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'security.md'), 'utf8');
const section = security.split('### What stays readable on purpose')[1]?.split('\n### ')[0] ?? '';
const documented = [...section.matchAll(/^\| `(\w+)` +\| (\w+) +\|/gm)].map((m) => `${m[1]}=${m[2]}`);

describe('the search attributes (plaintext in Temporal)', () => {
  it('are the ones docs/security.md reviewed, with their types', () => {
    expect(documented).toEqual(searchAttributeCliPairs());
  });

  it('are IDs, statuses and times: no free text a name or address could go into', () => {
    expect(
      SEARCH_ATTRIBUTES.map((key) => key.type).filter(
        (t) => !['KEYWORD', 'KEYWORD_LIST', 'DATETIME'].includes(t),
      ),
    ).toEqual([]);
  });
});
