/**
 * Builds the Selfcare web app (web/) with Vite into .build/web/, which the API serves at /app/
 * (api/web-app.ts). `npm run setup` runs it; it skips the build when none of its inputs changed
 * since the last one (every file under web/ and domain/, which the app imports, the lockfile and
 * this script, by SHA-256), like the workflow bundle. Writes a brotli (.br) and a gzip (.gz) copy
 * next to each text file, which the API sends to browsers that accept them
 * (platform/http/web-app.ts). Prints the JavaScript's size as sent (brotli).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { WEB_APP_DIR } from '../platform/http/web-app';

const root = path.resolve(__dirname, '..');
const inputsPath = path.join(root, '.build', 'web.inputs.sha256');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(relative);
    return entry.isFile() ? [relative] : [];
  });
}

export function webInputsFingerprint(): string {
  const files = [
    ...filesUnder('web'),
    ...filesUnder('domain'),
    'package-lock.json',
    path.relative(root, __filename),
  ];
  const hash = createHash('sha256');
  for (const file of files.sort())
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** The files worth compressing: text. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt|webmanifest)$/;

/**
 * A brotli (quality 11) and a gzip (level 9) copy of every text file of the build, kept only where
 * smaller than the file itself. Returns how many files were compressed.
 */
export function precompress(dir = WEB_APP_DIR): number {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const content = fs.readFileSync(file);
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gz = gzipSync(content, { level: 9 });
    if (br.length < content.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < content.length) fs.writeFileSync(`${file}.gz`, gz);
    count += 1;
  }
  return count;
}

/** Sizes of the built JavaScript: raw, gzip and brotli (as written by `precompress`), in bytes. */
export function webJsSize(): { files: number; bytes: number; gzipBytes: number; brotliBytes: number } {
  const assets = path.join(WEB_APP_DIR, 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return {
    files: js.length,
    bytes: js.reduce((n, f) => n + size(path.join(assets, f)), 0),
    gzipBytes: js.reduce((n, f) => n + size(path.join(assets, `${f}.gz`)), 0),
    brotliBytes: js.reduce((n, f) => n + size(path.join(assets, `${f}.br`)), 0),
  };
}

/**
 * One build at a time on this tree: two test files that each call `buildWeb` while web/ changed
 * would otherwise race (Vite refuses a second build of the project; the first empties the output).
 * The lock is a directory (mkdir is atomic); one older than two minutes is a crashed build's.
 */
function oneAtATime<T>(run: () => T): T {
  const lock = path.join(root, '.build', 'web.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another web build holds ${lock}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export function buildWeb(): string {
  return oneAtATime(buildWebNow);
}

function buildWebNow(): string {
  const fingerprint = webInputsFingerprint();
  const index = path.join(WEB_APP_DIR, 'index.html');
  if (
    fs.existsSync(index) &&
    fs.existsSync(inputsPath) &&
    fs.readFileSync(inputsPath, 'utf8') === fingerprint
  ) {
    return `web app up to date: ${path.relative(root, WEB_APP_DIR)}`;
  }
  const started = Date.now();
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'error'],
    // Always production: under Jest NODE_ENV is `test`, and Vite would then bundle React's
    // development build (three times the bytes, and slower).
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  precompress();
  fs.writeFileSync(inputsPath, fingerprint);
  const { files, bytes, gzipBytes, brotliBytes } = webJsSize();
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return `web app built in ${Date.now() - started} ms: ${path.relative(root, WEB_APP_DIR)} (JavaScript: ${files} file(s), ${kib(bytes)}, ${kib(gzipBytes)} gzip, ${kib(brotliBytes)} brotli)`;
}

if (require.main === module) {
  try {
    process.stderr.write(`${buildWeb()}\n`);
  } catch (error) {
    process.stderr.write(`web app: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
