import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  bundleWorkflowCode,
  type NativeConnection,
  Runtime,
  Worker,
  type WorkerOptions,
} from '@temporalio/worker';
import type { Activities } from '../activities';

export const WORKFLOWS_PATH = require.resolve(path.join(__dirname, '..', 'workflows'));

const projectRoot = path.resolve(__dirname, '..');

/** Where the prebuilt workflow bundle is kept between starts (git-ignored with node_modules). */
export const WORKFLOW_BUNDLE_CACHE_DIR = path.join(
  projectRoot,
  'node_modules',
  '.cache',
  'selfcare-workflow-bundle',
);

/** Worker settings in force (reported by `npm run bench`); the rest are the SDK's defaults. */
export const WORKER_TUNING: Record<string, string | number> = {
  maxConcurrentActivityTaskExecutions: 'SDK default (100)',
  maxConcurrentWorkflowTaskExecutions: 'SDK default (40)',
  pollers: 'SDK default (10 workflow, 10 activity)',
  workflowBundle: `prebuilt once, reused while its sources are unchanged (${path.relative(projectRoot, WORKFLOW_BUNDLE_CACHE_DIR)})`,
};

export interface UpgradeWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: Activities;
  /** Prebuilt bundle (`bundleWorkflowCode`); without it, the cached prebuilt bundle (built if stale). */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
}

export async function createUpgradeWorker(options: UpgradeWorkerOptions): Promise<Worker> {
  const workflowBundle = options.workflowBundle ?? { code: (await prebuiltWorkflowBundle()).code };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    workflowBundle,
    ...(options.identity ? { identity: options.identity } : {}),
    shutdownGraceTime: '10 seconds',
  });
}

interface BundleManifest {
  key: string;
  /** Every input of the bundle: a project file with its SHA-256, or a package with its version. */
  inputs: Record<string, string>;
}

/**
 * The workflow bundle, webpacked once and then reused: a worker that bundles at start spends a
 * second or more of CPU and ~100 MiB of heap on webpack each time (measured in
 * docs/benchmarks.md). The bundle is kept with a manifest of its inputs, read from the bundle's
 * own source map: our files by content hash, packages by version. Any change to an input (an
 * edited workflow, a new import, an SDK upgrade) makes the cache stale and the bundle is rebuilt.
 * Where the cache cannot be written (a read-only install) the bundle is simply built in memory.
 */
export async function prebuiltWorkflowBundle(
  cacheDir = WORKFLOW_BUNDLE_CACHE_DIR,
): Promise<{ code: string; fromCache: boolean }> {
  const cached = readCachedBundle(cacheDir);
  if (cached) return { code: cached, fromCache: true };
  // The same logger the SDK gives the bundler when a worker bundles at start.
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: Runtime.instance().logger,
  });
  try {
    writeCachedBundle(cacheDir, code);
  } catch {
    // Not writable: this start uses the bundle it just built.
  }
  return { code, fromCache: false };
}

function readCachedBundle(cacheDir: string): string | null {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(cacheDir, 'manifest.json'), 'utf8'),
    ) as BundleManifest;
    const current = fingerprintAll(Object.keys(manifest.inputs));
    if (!current || keyOf(current) !== manifest.key) return null;
    return fs.readFileSync(path.join(cacheDir, `workflow-bundle-${manifest.key}.js`), 'utf8');
  } catch {
    return null;
  }
}

function writeCachedBundle(cacheDir: string, code: string): void {
  const sources = sourcesOf(code);
  if (!sources) return;
  // Webpack's runtime and the generated entry point are the SDK's and webpack's own: their
  // versions are fixed by the lockfile, which is an input too.
  const files = sources.filter((source) => path.isAbsolute(source) && fs.existsSync(source));
  const inputs = fingerprintAll([
    ...new Set([
      ...files.map(inputOf),
      `file:${WORKFLOWS_PATH}`,
      `file:${path.join(projectRoot, 'package-lock.json')}`,
    ]),
  ]);
  if (!inputs) return;
  const key = keyOf(inputs);
  fs.mkdirSync(cacheDir, { recursive: true });
  const bundleFile = `workflow-bundle-${key}.js`;
  // Content-addressed bundle first, then the manifest, each renamed into place: a reader never sees
  // a manifest whose bundle is missing or half written, and concurrent starts write the same bytes.
  atomicWrite(path.join(cacheDir, bundleFile), code);
  atomicWrite(path.join(cacheDir, 'manifest.json'), JSON.stringify({ key, inputs } satisfies BundleManifest));
  for (const file of fs.readdirSync(cacheDir)) {
    if (file.startsWith('workflow-bundle-') && file !== bundleFile)
      fs.rmSync(path.join(cacheDir, file), { force: true });
  }
}

/** The files webpack read, from the inline source map the SDK's bundler appends. */
function sourcesOf(code: string): string[] | null {
  const match =
    /sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (!match?.[1]) return null;
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as { sources?: unknown };
  if (!Array.isArray(map.sources) || map.sources.length === 0) return null;
  return map.sources.map(String);
}

/** `pkg:<name>` for a file inside node_modules (its version stands for it), else `file:<path>`. */
function inputOf(file: string): string {
  const inPackage = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
  return inPackage?.[1] ? `pkg:${inPackage[1].replace(/\\/g, '/')}` : `file:${file}`;
}

/** Each input's current fingerprint; null when one is gone (the cache is then stale). */
function fingerprintAll(inputs: string[]): Record<string, string> | null {
  const result: Record<string, string> = {};
  for (const input of inputs.sort()) {
    try {
      if (input.startsWith('pkg:')) {
        const manifest = path.join(projectRoot, 'node_modules', input.slice(4), 'package.json');
        result[input] = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
      } else {
        result[input] = createHash('sha256')
          .update(fs.readFileSync(input.slice(5)))
          .digest('hex');
      }
    } catch {
      return null;
    }
  }
  result['pkg:@temporalio/worker'] = workerSdkVersion();
  return result;
}

function workerSdkVersion(): string {
  const manifest = require.resolve('@temporalio/worker/package.json', { paths: [projectRoot] });
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function keyOf(inputs: Record<string, string>): string {
  const entries = Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 20);
}

function atomicWrite(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}
