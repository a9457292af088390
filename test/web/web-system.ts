/**
 * What a file of web tests drives: the real system (started like `npm start`) and Chromium, started
 * side by side once for the file after the web app is built, the auth helpers' tokens from the
 * system's own provider. After the file: Chromium closed, the system stopped with exit status 0,
 * and not one console error or CSP refusal on any page the file opened.
 */
import type { Browser } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web';
import { tokensFrom } from '../helpers/auth';
import { type PhonePage, startBrowser } from '../helpers/browser';
import { type LocalSystem, startLocalSystem } from '../support/harness';

export interface WebSystemOptions {
  /** Names the system's throw-away data folder. */
  label: string;
  /** Every page the file opens, pushed as it opens it: their problems are checked at the end. */
  pages: readonly PhonePage[];
  /** The problems some page is meant to meet (a failed load offline), left out of that check. */
  expectedProblems?: RegExp;
  /** Settings of the system's own (`startLocalSystem`'s env). */
  env?: Record<string, string>;
}

/** Starts the system and Chromium before the file's tests (handing them to `started`) and ends them after. */
export function webSystemForFile(
  options: WebSystemOptions,
  started: (running: { system: LocalSystem; browser: Browser }) => void,
): void {
  let system: LocalSystem | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    buildWeb();
    [system, browser] = await Promise.all([
      startLocalSystem({ label: options.label, ...(options.env ? { env: options.env } : {}) }),
      startBrowser(),
    ]);
    tokensFrom(system.issuerUrl);
    started({ system, browser });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (system) expect(await system.stop()).toBe(0);
    const expected = options.expectedProblems;
    expect(options.pages.flatMap((p) => p.problems).filter((problem) => !expected?.test(problem))).toEqual(
      [],
    );
  });
}
