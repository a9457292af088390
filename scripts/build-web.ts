/**
 * Builds the Selfcare web app (web/) with Vite into .build/web/, which the API serves at /app/
 * (api/web-app.ts). `npm run setup` runs it; it skips the build when none of its inputs changed
 * since the last one (every file under web/ and domain/, which the app imports, the lockfile and
 * this script, by SHA-256), like the workflow bundle. Prints the JavaScript's gzip size.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
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

/** Sizes of the built JavaScript: raw and gzip, in bytes. */
export function webJsSize(): { files: number; bytes: number; gzipBytes: number } {
  const assets = path.join(WEB_APP_DIR, 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const contents = js.map((f) => fs.readFileSync(path.join(assets, f)));
  return {
    files: js.length,
    bytes: contents.reduce((n, c) => n + c.length, 0),
    gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
  };
}

export function buildWeb(): string {
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
    { cwd: root, stdio: 'inherit' },
  );
  fs.writeFileSync(inputsPath, fingerprint);
  const { files, bytes, gzipBytes } = webJsSize();
  return `web app built in ${Date.now() - started} ms: ${path.relative(root, WEB_APP_DIR)} (JavaScript: ${files} file(s), ${(bytes / 1024).toFixed(1)} KiB, ${(gzipBytes / 1024).toFixed(1)} KiB gzip)`;
}

if (require.main === module) {
  try {
    process.stderr.write(`${buildWeb()}\n`);
  } catch (error) {
    process.stderr.write(`web app: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
