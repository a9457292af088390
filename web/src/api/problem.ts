/**
 * A refusal of the API (RFC 9457 problem), kept whole so the screen can say it in words. Its own
 * module: the screens' frame (ui/Page.tsx) shows it without loading the client, which signs in.
 */
import type { components } from './schema';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: components['schemas']['Problem'],
  ) {
    super(problem.detail ?? problem.title);
  }
  get reason(): string | undefined {
    return this.problem.reason;
  }
}
