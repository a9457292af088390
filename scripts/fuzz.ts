/**
 * The fuzzing run behind scripts/fuzz.sh: starts the real system (as `npm start` does) on free
 * ports and a throw-away data folder, runs one deck scenario B upgrade up to the technician wait
 * so there are bills, tickets and work orders to find, then runs Schemathesis over /openapi.json
 * once per role — the three at once, each with a token from the system's own OpenID provider —
 * and stops the system (its whole process group).
 *
 * Exit code 0 only when every role ran with no failure and no error.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS } from '../api/operations';
import { mintDevelopmentToken, type Role } from '../platform/auth';
import { type LocalSystem, startLocalSystem } from '../test/support/harness';

const root = path.resolve(__dirname, '..');
const schemathesis: string =
  process.env.SCHEMATHESIS_BIN ??
  (() => {
    throw new Error('SCHEMATHESIS_BIN is unset: run `npm run fuzz` (scripts/fuzz.sh installs it)');
  })();
const maxExamples = Number(process.env.FUZZ_MAX_EXAMPLES ?? 25);
const maxTime = Number(process.env.FUZZ_MAX_TIME ?? 60);
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const checks = process.env.FUZZ_CHECKS ?? 'all';
const reportRoot = path.resolve(process.env.FUZZ_REPORT_DIR ?? path.join(root, '.tools/fuzz-report'));

const AHMAD = '21314849';
const FACHRI = '21301029';
const ROLES: { role: Role; sub: string; who: string }[] = [
  { role: 'customer', sub: AHMAD, who: `customer ${AHMAD} (deck scenario A)` },
  { role: 'technician', sub: 'tech-misitel-budi', who: 'technician tech-misitel-budi' },
  { role: 'cs', sub: 'cs-rina', who: 'CS agent cs-rina' },
  { role: 'operator', sub: 'ops-dimas', who: 'operator ops-dimas' },
];

interface RoleResult {
  role: Role;
  who: string;
  exitCode: number | null;
  generated: number;
  failures: number;
  errors: number;
  seconds: number;
  stopReason: string;
  phases: string;
  report: Record<string, unknown> | undefined;
  /** Answers by status, and the operations that answered 2xx at least once (from the HAR). */
  statuses: Record<string, number>;
  succeeded: Set<string>;
  log: string;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

// ---- the system -------------------------------------------------------------------------------

let system: LocalSystem | undefined;

/** The whole system as `npm start` runs it, in a process group of its own; its API's base URL. */
async function startSystem(): Promise<string> {
  system = await startLocalSystem({
    label: 'fuzz',
    // Every rate limit out of reach (startLocalSystem's UNREACHED_RATE_LIMITS): many examples come from one token.
    env: { LOG_LEVEL: 'warn' },
  });
  return system.apiUrl;
}

/** SIGTERM (the orderly stop of local/start.ts), then SIGKILL to whatever is left. */
async function stopSystem(): Promise<void> {
  const running = system;
  system = undefined;
  await running?.stop();
}

// ---- data to find ---------------------------------------------------------------------------

async function api<T>(base: string, method: string, url: string, token: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json', 'Idempotency-Key': 'fuzz-scenario-b' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface Progress {
  status: string;
  upgradeId: string;
  billCode: string | null;
  upgradeWorkOrderNo: string | null;
  maintenanceWorkOrderNo: string | null;
}

/** Deck scenario B (Yearly 50 → Yearly 200, single-band ONT) up to the wait for the technician. */
async function scenarioB(base: string): Promise<Progress> {
  const token = await tokenOf('customer', FACHRI);
  const started = await api<{ upgradeId: string }>(base, 'POST', `/v1/customers/${FACHRI}/upgrades`, token, {
    targetPackageCode: 'STREAM-200-YEAR',
  });
  if (started.status !== 202) throw new Error(`scenario B did not start: ${JSON.stringify(started)}`);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { body } = await api<Progress>(base, 'GET', `/v1/upgrades/${started.body.upgradeId}`, token);
    if (body.status === 'AWAITING_ONT_SWAP' && body.maintenanceWorkOrderNo) return body;
    if (Date.now() > deadline) throw new Error(`scenario B is stuck: ${JSON.stringify(body)}`);
    await sleep(250);
  }
}

/** Half of the generated values are real IDs, so requests get past "not found" into the logic. */
function configToml(b: Progress, packages: string[]): string {
  const list = (values: (string | number)[]) => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
  const dictionaries: Record<string, (string | number)[]> = {
    customers: [AHMAD, FACHRI, '21400001', '21400002', '21400003', '21400004', '21400005'],
    packages,
    bills: [b.billCode!],
    upgrades: [b.upgradeId, `upgrade-${AHMAD}-demo-1`],
    workOrders: [b.maintenanceWorkOrderNo!, b.upgradeWorkOrderNo!],
    notifications: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  };
  const bindings: Record<string, string> = {
    'path.customerId': 'customers',
    'query.customerId': 'customers',
    'path.packageCode': 'packages',
    'body.targetPackageCode': 'packages',
    'path.billCode': 'bills',
    'path.upgradeId': 'upgrades',
    'path.woNumber': 'workOrders',
    'path.notificationId': 'notifications',
  };
  return [
    ...Object.entries(dictionaries).map(
      ([name, values]) => `[dictionaries.${name}]\nvalues = ${list(values)}\n`,
    ),
    // A schema-valid request may still be refused by a business rule: 409 (an upgrade in flight,
    // a closed work order) and 422 (not eligible). 400 would mean the document is looser than
    // the validation, and stays a failure.
    '[checks.positive_data_acceptance]',
    'expected-statuses = ["2XX", 401, 403, 404, 409, 422, 429]',
    '',
    '[parameters]',
    ...Object.entries(bindings).map(
      ([key, dictionary]) => `"${key}" = { dictionary = "${dictionary}", probability = 0.5 }`,
    ),
    '',
  ].join('\n');
}

// ---- Schemathesis -----------------------------------------------------------------------------

/** A token signed by the development provider the system runs, as the apps would get at sign-in. */
function tokenOf(role: Role, subject: string): Promise<string> {
  if (!system) throw new Error('the system is not running');
  return mintDevelopmentToken({ role, subject, hours: 1, issuer: system.issuerUrl });
}

async function runRole(base: string, configFile: string, role: (typeof ROLES)[number]): Promise<RoleResult> {
  const dir = path.join(reportRoot, role.role);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const token = await tokenOf(role.role, role.sub);
  const args = [
    '--config-file',
    configFile,
    'run',
    `${base}/openapi.json`,
    '--url',
    base,
    '-H',
    `Authorization: Bearer ${token}`,
    '--checks',
    checks,
    '--max-examples',
    String(maxExamples),
    '--max-time',
    String(maxTime),
    '--seed',
    seed,
    // One worker: Python 3.11 before 3.11.8 crashes parsing ASTs from several threads (gh-106905).
    '--workers',
    '1',
    '--request-timeout',
    '20',
    '--generation-database',
    'none',
    '--no-color',
    '--report',
    'json,junit,har',
    '--report-dir',
    dir,
  ];
  return new Promise((resolve) => {
    const child = spawn(schemathesis, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (exitCode) => {
      fs.writeFileSync(path.join(dir, 'output.txt'), output);
      const file = fs.readdirSync(dir).find((f) => f.startsWith('json-') && f.endsWith('.json'));
      const report = file
        ? (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, never>)
        : undefined;
      const cases = (report?.test_cases ?? {}) as { generated?: number; unique_failures?: number };
      const errors = ((report?.errors ?? []) as { count: number }[]).reduce((n, e) => n + e.count, 0);
      const phases = Object.entries((report?.phases ?? {}) as Record<string, { status: string }>)
        .map(([name, p]) => `${name} ${p.status}`)
        .join(', ');
      resolve({
        role: role.role,
        who: role.who,
        exitCode,
        generated: cases.generated ?? 0,
        failures: cases.unique_failures ?? 0,
        errors,
        seconds: Math.round(Number(report?.running_time ?? 0)),
        stopReason: String(report?.stop_reason ?? 'no report'),
        ...answers(dir),
        phases,
        report,
        log: output,
      });
    });
  });
}

/** Every operation but the document's own URL, which Schemathesis reads and leaves out of its run. */
const TEMPLATES = OPERATIONS.filter((op) => op.path !== '/openapi.json').map((op) => ({
  key: `${op.method.toUpperCase()} ${op.path}`,
  method: op.method.toUpperCase(),
  regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** What the API answered, read from Schemathesis's HAR report. */
function answers(dir: string): { statuses: Record<string, number>; succeeded: Set<string> } {
  const file = fs.readdirSync(dir).find((f) => f.startsWith('har-') && f.endsWith('.json'));
  const statuses: Record<string, number> = {};
  const succeeded = new Set<string>();
  if (!file) return { statuses, succeeded };
  const har = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
    log: { entries: { request: { method: string; url: string }; response: { status: number } }[] };
  };
  for (const { request, response } of har.log.entries) {
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status >= 300) continue;
    const { pathname } = new URL(request.url);
    const op = TEMPLATES.find((t) => t.method === request.method && t.regex.test(pathname));
    if (op) succeeded.add(op.key);
  }
  return { statuses, succeeded };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<number> {
  const began = Date.now();
  try {
    log(`schemathesis: ${schemathesis}`);
    const base = await startSystem();
    log(`system up at ${base} in ${Math.round((Date.now() - began) / 1000)} s`);
    const b = await scenarioB(base);
    log(`scenario B waiting for the technician: ${b.upgradeId}, ${b.maintenanceWorkOrderNo}`);
    const csToken = await tokenOf('cs', 'cs-rina');
    const catalog = await api<{ packages: { code: string }[] }>(base, 'GET', '/v1/packages', csToken);
    fs.mkdirSync(reportRoot, { recursive: true });
    const configFile = path.join(reportRoot, 'schemathesis.toml');
    fs.writeFileSync(
      configFile,
      configToml(
        b,
        catalog.body.packages.map((p) => p.code),
      ),
    );

    log(
      `fuzzing ${ROLES.length} roles at once: checks ${checks}, ≤${maxExamples} examples per operation and phase, ≤${maxTime} s each, seed ${seed}`,
    );
    const results = await Promise.all(ROLES.map((role) => runRole(base, configFile, role)));

    const apiErrors = system!.process
      .output()
      .split('\n')
      .filter((line) => /"msg":"(request failed|could not start)/.test(line));
    log('');
    log('role        cases  failures  errors  time  phases');
    for (const r of results) {
      log(
        `${r.role.padEnd(10)} ${String(r.generated).padStart(6)}  ${String(r.failures).padStart(8)}  ${String(r.errors).padStart(6)}  ${String(r.seconds).padStart(3)} s  ${r.phases} (${r.stopReason})`,
      );
    }
    log('');
    for (const r of results) {
      const histogram = Object.entries(r.statuses)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      const missing = TEMPLATES.map((t) => t.key).filter((key) => !r.succeeded.has(key));
      log(`${r.role}: answers ${histogram}`);
      log(
        `  2xx on ${r.succeeded.size}/${TEMPLATES.length} operations; never 2xx: ${missing.join(', ') || 'none'}`,
      );
    }
    const after = await api<Progress>(base, 'GET', `/v1/upgrades/${b.upgradeId}`, csToken);
    log(`scenario B after the fuzzing: ${after.body.status}`);
    const failed = results.filter((r) => r.exitCode !== 0 || r.failures > 0 || r.errors > 0 || !r.report);
    for (const r of failed) {
      log(
        `\n===== ${r.who}: exit ${r.exitCode} (full output: ${path.join(reportRoot, r.role, 'output.txt')})`,
      );
      const start =
        r.log.indexOf('=== FAILURES ===') >= 0
          ? r.log.indexOf('=== FAILURES ===')
          : r.log.indexOf('=== ERRORS ===');
      log(r.log.slice(Math.max(0, start - 40), start + 8000));
    }
    if (apiErrors.length)
      log(`\nthe API logged ${apiErrors.length} errors (5xx):\n${apiErrors.slice(0, 5).join('\n')}`);
    log(`\nreports: ${reportRoot}`);
    log(`total ${Math.round((Date.now() - began) / 1000)} s (before stopping the system)`);
    return failed.length === 0 && apiErrors.length === 0 ? 0 : 1;
  } finally {
    await stopSystem();
    log(`stopped; ${Math.round((Date.now() - began) / 1000)} s in all`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopSystem().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    await stopSystem();
    process.exit(1);
  },
);
