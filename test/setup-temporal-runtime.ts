import { DefaultLogger, Runtime } from '@temporalio/worker';

// One Runtime per Jest worker process; the SDK logs only warnings and errors in tests.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier file in this worker.
}
