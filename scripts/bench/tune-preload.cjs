/**
 * Preloaded into the worker process by scripts/bench/tune.ts (NODE_OPTIONS=--require …): merges
 * BENCH_WORKER_OPTIONS (JSON) over the options the app passes to Worker.create, so worker settings
 * can be measured without editing worker/create-worker.ts. Measurement only; the app never loads it.
 */
const { Worker } = require('@temporalio/worker');

const overrides = JSON.parse(process.env.BENCH_WORKER_OPTIONS || '{}');
const create = Worker.create.bind(Worker);
Worker.create = (options) => {
  const merged = { ...options, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === null) delete merged[key];
  return create(merged);
};

// BENCH_MEMORY_LOG=<file>: a JSON line of the main isolate's memory every second (measurement only).
if (process.env.BENCH_MEMORY_LOG) {
  const fs = require('node:fs');
  const v8 = require('node:v8');
  const file = process.env.BENCH_MEMORY_LOG;
  setInterval(() => {
    const m = process.memoryUsage();
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1048576)]),
    );
    const mib = (v) => Math.round(v / 1048576);
    const line = {
      pid: process.pid,
      t: Date.now(),
      rss: mib(m.rss),
      heapTotal: mib(m.heapTotal),
      heapUsed: mib(m.heapUsed),
      external: mib(m.external),
      arrayBuffers: mib(m.arrayBuffers),
      spaces,
    };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000).unref();
}
