/**
 * Process utilities shared by the local stack (the Temporal dev server it starts) and the harness
 * that runs the system's processes for tests, fuzzing and the benchmark (test/support/harness.ts):
 * process trees and identities, and the one way to start, wait for and stop a child. Free ports:
 * platform/free-ports.ts.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';

// ---- process trees and identities -----------------------------------------------------------------

/** Every descendant of a process (PostgreSQL and its backends, the Temporal server…). */
export function descendants(pid: number): number[] {
  let direct: number[] = [];
  try {
    direct = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    // `ps` exits 1 when there are no children.
  }
  return direct.flatMap((child) => [child, ...descendants(child)]);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A process as the kernel knows it: the pid and its start time, so a reused pid is told apart. */
export interface ProcessId {
  pid: number;
  startTicks: string;
}

/** `/proc/<pid>/stat`: state (field 3) and start time (field 22); null when gone or a zombie. */
export function processId(pid: number): ProcessId | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    return { pid, startTicks: fields[19] ?? '' };
  } catch {
    return null;
  }
}

/** Still running, and still the process we saw (not another one that got its pid since). */
export function isStillRunning(p: ProcessId): boolean {
  const now = processId(p.pid);
  return now !== null && now.startTicks === p.startTicks;
}

export function killIfStillOurs(p: ProcessId): void {
  if (!isStillRunning(p)) return;
  try {
    process.kill(p.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}

// ---- children --------------------------------------------------------------------------------------

/** A child process and the last of what it printed. */
export interface Launched {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Leads a process group of its own (as a shell job does). */
  detached: boolean;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

const MAX_OUTPUT = 1_000_000;

export function launch(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; detached?: boolean } = {},
): Launched {
  const detached = options.detached ?? false;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > MAX_OUTPUT) output = output.slice(-MAX_OUTPUT / 2);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  if (child.pid === undefined) throw new Error(`${name} did not start (${command})`);
  return {
    name,
    child,
    pid: child.pid,
    detached,
    output: () => output,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

/**
 * Polls `probe` until it answers true. Fails as soon as the process exits, or at the deadline,
 * with the process's last output.
 */
export async function waitUntil(
  proc: Launched,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (!proc.running()) {
      const { exitCode, signalCode } = proc.child;
      throw new Error(
        `${proc.name} exited (${signalCode ?? exitCode}) before ${what}:\n${proc.output().slice(-8_000)}`,
      );
    }
    try {
      if (await probe()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (${String(lastError)})` : '';
      throw new Error(
        `${proc.name} not ${what} after ${timeoutMs} ms${cause}:\n${proc.output().slice(-8_000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * The one way to stop a child: `signal` (SIGTERM unless told; with `group`, to the child's whole
 * process group, as Ctrl-C in a terminal), then, if it has not exited after `graceMs`, SIGKILL to
 * its process tree as it was when the signal went out (and to its group, when it leads one).
 * Resolves with the exit code once it has exited.
 */
export async function stopProcess(
  proc: Launched,
  options: { signal?: NodeJS.Signals; graceMs?: number; group?: boolean } = {},
): Promise<number | null> {
  const { signal = 'SIGTERM', graceMs = 30_000, group = false } = options;
  if (!proc.running()) return proc.child.exitCode;
  const tree = [proc.pid, ...descendants(proc.pid)].map(processId).filter((p) => p !== null);
  try {
    if (group) process.kill(-proc.pid, signal);
    else proc.child.kill(signal);
  } catch {
    // exited meanwhile
  }
  if (signal !== 'SIGKILL') {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([proc.exited, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      for (const p of tree) killIfStillOurs(p);
      if (proc.detached) {
        try {
          process.kill(-proc.pid, 'SIGKILL');
        } catch {
          // the group is empty
        }
      }
    }
  }
  return (await proc.exited).code;
}
