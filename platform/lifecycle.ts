/**
 * What a process started, stopped in reverse: out of the load balancer first (every /readyz it
 * serves answers 503), then each part, the last started first, one log line each.
 */
import type { Logger } from './logger';

export class Lifecycle {
  private readonly parts: Array<{ name: string; stop: () => Promise<void> }> = [];
  private readonly readiness: Array<{ markStopping(): void }> = [];

  constructor(private readonly logger: Logger) {}

  /** `stop` runs when the process stops, before the parts started earlier. */
  started(name: string, stop: () => Promise<void>): void {
    this.parts.push({ name, stop });
  }

  /** A /readyz that answers 503 as soon as the stop begins. */
  serves(readiness: { markStopping(): void }): void {
    this.readiness.push(readiness);
  }

  async stop(): Promise<void> {
    for (const r of this.readiness) r.markStopping();
    for (const part of this.parts.reverse()) {
      try {
        await part.stop();
        this.logger.info(`${part.name} stopped`);
      } catch (error) {
        this.logger.error({ err: error }, `${part.name} did not stop cleanly`);
      }
    }
    this.parts.length = 0;
  }
}

/** On the first SIGINT or SIGTERM: `stop` everything, then exit 0. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, announce = 'shutting down'): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Children may exit on the same Ctrl-C first; keep the loop alive until every stop has run.
    setInterval(() => undefined, 1_000);
    logger.info({ signal }, announce);
    await stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
