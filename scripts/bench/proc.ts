/**
 * CPU and memory of the processes under test, read from /proc (Linux): utime+stime per process,
 * grouped as worker, API, Temporal server, PostgreSQL (every backend) and the load generator.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

export type Group = 'worker' | 'api' | 'temporal' | 'postgres' | 'bench' | 'other';
export const GROUPS: Group[] = ['worker', 'api', 'temporal', 'postgres', 'bench'];

export interface GroupUsage {
  /** Average CPU over the window, in % of one core (200 % = both cores of a 2-core machine). */
  cpuPct: number;
  /** Largest resident set seen (sum over the group's processes), in MiB. */
  rssPeakMiB: number;
}

export interface Usage {
  seconds: number;
  groups: Record<Group, GroupUsage>;
  /** Whole machine, from /proc/stat: busy share of all cores, in %. */
  machineBusyPct: number;
  /** CPU of everything else on the machine (other users' processes, kernel), % of one core. */
  foreignCpuPct: number;
}

const TICKS = clockTicks();
const PAGE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuTicks: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const rest = text.slice(close + 2).split(' ');
    return {
      pid,
      ppid: Number(rest[1]),
      comm,
      cpuTicks: Number(rest[11]) + Number(rest[12]),
      rssBytes: Number(rest[21]) * PAGE,
    };
  } catch {
    return null;
  }
}

function allStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(stat.pid, stat);
  }
  return stats;
}

function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** The app's processes: one worker and one API (dev-server stack), or several (cluster). */
export interface Roots {
  workerPid: number | number[];
  apiPid: number | number[];
}

function classify(stats: Map<number, ProcStat>, roots: Roots): Map<number, Group> {
  const groups = new Map<number, Group>();
  const workers = [roots.workerPid].flat();
  const apis = [roots.apiPid].flat();
  const under = (pid: number, ancestor: number) => {
    let current = stats.get(pid);
    for (let depth = 0; current && depth < 20; depth++) {
      if (current.ppid === ancestor) return true;
      current = stats.get(current.ppid);
    }
    return false;
  };
  // Temporal and PostgreSQL run under the API process (dev-server stack) or under the bench
  // itself (cluster); a worker's children are nothing of ours.
  const infrastructure = (comm: string): Group =>
    comm.startsWith('temporal') ? 'temporal' : comm === 'postgres' ? 'postgres' : 'other';
  for (const stat of stats.values()) {
    const { pid, comm } = stat;
    if (workers.includes(pid)) groups.set(pid, 'worker');
    else if (apis.includes(pid)) groups.set(pid, 'api');
    else if (apis.some((api) => under(pid, api))) groups.set(pid, infrastructure(comm));
    else if (workers.some((worker) => under(pid, worker))) groups.set(pid, 'other');
    else if (pid !== process.pid && under(pid, process.pid) && infrastructure(comm) !== 'other') {
      groups.set(pid, infrastructure(comm));
    }
    // The bench itself and its load generator (wrk).
    else if (pid === process.pid || under(pid, process.pid)) groups.set(pid, 'bench');
  }
  return groups;
}

/** Samples every `intervalMs` until stopped; the result covers the whole window. */
export function sampleUsage(roots: Roots, intervalMs = 250): { stop(): Usage } {
  const started = process.hrtime.bigint();
  const machineStart = machineTicks();
  const last = new Map<number, number>();
  const cpu = new Map<Group, number>();
  const rssPeak = new Map<Group, number>();

  const sample = (initial: boolean) => {
    const stats = allStats();
    const groups = classify(stats, roots);
    const rss = new Map<Group, number>();
    for (const [pid, group] of groups) {
      const stat = stats.get(pid)!;
      const previous = last.get(pid);
      // A process first seen after the start (a new PostgreSQL backend) counts from its birth.
      const delta = previous === undefined ? (initial ? 0 : stat.cpuTicks) : stat.cpuTicks - previous;
      last.set(pid, stat.cpuTicks);
      cpu.set(group, (cpu.get(group) ?? 0) + Math.max(0, delta));
      rss.set(group, (rss.get(group) ?? 0) + stat.rssBytes);
    }
    for (const [group, bytes] of rss) rssPeak.set(group, Math.max(rssPeak.get(group) ?? 0, bytes));
  };
  sample(true);
  const timer = setInterval(() => sample(false), intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample(false);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const machineEnd = machineTicks();
      const usage = {} as Record<Group, GroupUsage>;
      for (const group of [...GROUPS, 'other' as const]) {
        usage[group] = {
          cpuPct: ((cpu.get(group) ?? 0) / TICKS / seconds) * 100,
          rssPeakMiB: (rssPeak.get(group) ?? 0) / 1024 / 1024,
        };
      }
      const total = machineEnd.total - machineStart.total;
      const machineBusyPct = total > 0 ? ((machineEnd.busy - machineStart.busy) / total) * 100 : 0;
      const ours = Object.values(usage).reduce((sum, g) => sum + g.cpuPct, 0);
      return {
        seconds,
        groups: usage,
        machineBusyPct,
        foreignCpuPct: Math.max(0, machineBusyPct * os.availableParallelism() - ours),
      };
    },
  };
}

/** Resident and peak resident memory of one process, in MiB (VmRSS / VmHWM). */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

export interface ThreadTicks {
  /** The main thread: activities, the SDK's activity and workflow-task plumbing, the gRPC bridge. */
  main: number;
  /** The workflow thread (the worker_threads isolate running the workflow code and its VM calls). */
  workflow: number;
  /** The Temporal core (Rust: tokio threads, `workflow-processing`): polling, gRPC, history state machines. */
  core: number;
  /** V8 platform and libuv helper threads (GC, compilation, file system), the module loader's thread. */
  helpers: number;
}

/**
 * CPU seconds × CLK_TCK of each kind of thread of a worker process so far. Node names none of its
 * threads (all "node"); the core's Rust threads are named (tokio-runtime-w, workflow-proces,
 * temporal-…). The workflow thread is the SDK's worker_threads isolate, which Worker.create starts
 * after the core's runtime: so a "node" thread with a higher ID than the core's first thread counts
 * as the workflow thread (Node's own helpers start with the process, before the core).
 * Threads that ended (e.g. the VM's per-call watchdogs) are in none of the columns.
 */
export function threadTicks(pid: number): ThreadTicks {
  const ticks: ThreadTicks = { main: 0, workflow: 0, core: 0, helpers: 0 };
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return ticks;
  }
  const threads: Array<{ tid: number; comm: string; cpu: number }> = [];
  for (const tid of tasks) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.push({ tid: Number(tid), comm, cpu: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // The thread ended meanwhile.
    }
  }
  const isCore = (comm: string) =>
    comm.startsWith('tokio') || comm.startsWith('temporal') || comm.startsWith('workflow-proces');
  // Node 24 names its threads (WorkerThread, V8Worker…); Node 20 named them all `node`, and the
  // workflow threads were the ones started after the SDK's core.
  const isWorkflowThread = (comm: string, tid: number, firstCore: number) =>
    comm === 'WorkerThread' || (comm === 'node' && tid > firstCore);
  const firstCore = Math.min(...threads.filter((t) => isCore(t.comm)).map((t) => t.tid));
  for (const { tid, comm, cpu } of threads) {
    const kind: keyof ThreadTicks =
      tid === pid
        ? 'main'
        : isCore(comm)
          ? 'core'
          : isWorkflowThread(comm, tid, firstCore)
            ? 'workflow'
            : 'helpers';
    ticks[kind] += cpu;
  }
  return ticks;
}

/** Milliseconds of CPU per unit of work between two snapshots. */
export function threadMsPer(before: ThreadTicks, after: ThreadTicks, units: number): ThreadTicks {
  const per = (k: keyof ThreadTicks) => ((after[k] - before[k]) / TICKS / Math.max(1, units)) * 1000;
  return { main: per('main'), workflow: per('workflow'), core: per('core'), helpers: per('helpers') };
}
