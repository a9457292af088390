/**
 * Bundles the workflow code (workflows/index.ts and all it imports) once, for every worker to load
 * with `workflowBundle: { codePath }` (worker/create-worker.ts) instead of webpacking at each
 * start. `npm run setup` runs it, and the harness (test/support/harness.ts) before it starts a
 * system, for tests run without setup. It skips the build when no input changed since the last one: the
 * project files webpack read then (by SHA-256, listed next to the bundle) and the lockfile (for
 * the packages). A newly imported file needs an edit to its importer, which is an input.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../platform/data-converter';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../platform/telemetry/temporal';
import { WORKFLOW_BUNDLE_PATH, WORKFLOWS_PATH } from '../worker/create-worker';

const root = path.resolve(__dirname, '..');
const inputsPath = `${WORKFLOW_BUNDLE_PATH}.inputs.json`;
const ALWAYS = ['package-lock.json', path.relative(root, __filename), 'platform/telemetry/temporal.ts'];

interface Inputs {
  files: string[];
  sha256: string | null;
}

/** SHA-256 over the files' names and contents; null when one is gone. */
function fingerprint(files: string[]): string | null {
  const hash = createHash('sha256');
  for (const file of files) {
    const full = path.join(root, file);
    if (!fs.existsSync(full)) return null;
    hash.update(`${file}\0`).update(fs.readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

function upToDate(): boolean {
  if (!fs.existsSync(WORKFLOW_BUNDLE_PATH) || !fs.existsSync(inputsPath)) return false;
  const last = JSON.parse(fs.readFileSync(inputsPath, 'utf8')) as Inputs;
  return last.sha256 !== null && fingerprint(last.files) === last.sha256;
}

/** Renamed into place: a worker starting meanwhile reads the old bundle or the new one, never half of one. */
function write(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/** Builds the bundle unless it is up to date; says which. */
export async function buildWorkflowBundle(): Promise<string> {
  const where = path.relative(root, WORKFLOW_BUNDLE_PATH);
  if (upToDate()) return `workflow bundle up to date: ${where}`;
  const started = Date.now();
  const read = new Set<string>(ALWAYS);
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    // Workflow failures are converted inside the sandbox: with the same converter as outside it.
    failureConverterPath: FAILURE_CONVERTER_PATH,
    // Tracing's workflow interceptors (platform/telemetry/temporal.ts): no command of their own.
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        {
          apply: (compiler) =>
            compiler.hooks.afterCompile.tap('inputs', (compilation) => {
              for (const file of compilation.fileDependencies) {
                const relative = path.relative(root, file);
                const ours = !relative.startsWith('..') && !relative.split(path.sep).includes('node_modules');
                if (ours && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) read.add(relative);
              }
            }),
        },
      ],
    }),
  });
  const files = [...read].sort();
  fs.mkdirSync(path.dirname(WORKFLOW_BUNDLE_PATH), { recursive: true });
  write(WORKFLOW_BUNDLE_PATH, code);
  write(inputsPath, JSON.stringify({ files, sha256: fingerprint(files) } satisfies Inputs, null, 2));
  return `workflow bundle built in ${Date.now() - started} ms from ${files.length} files: ${where}`;
}

if (require.main === module) {
  buildWorkflowBundle().then(
    (outcome) => process.stderr.write(`${outcome}\n`),
    (error) => {
      process.stderr.write(
        `workflow bundle: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
      );
      process.exit(1);
    },
  );
}
