/**
 * The web app in a real browser (Debian's Chromium through playwright-core), as a person uses it:
 * a phone-size page (390×844, Bahasa Indonesia, Jakarta time), the OpenID provider's sign-in by name,
 * and axe-core's check of a screen (no serious or critical violation). Every console error and
 * CSP refusal of the page is collected, so a test can say there were none.
 */
import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';

export const PHONE = { width: 390, height: 844 } as const;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Chromium, or an error that says how to get one (scripts/ensure-chromium.sh installs it as root). */
export async function startBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath())) {
    throw new Error(
      `no Chromium at ${chromiumPath()}: run \`bash scripts/ensure-chromium.sh\` (apt-get install chromium, as root) or set CHROMIUM_PATH`,
    );
  }
  return launchChromium();
}

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP refusals seen so far. */
  problems: string[];
}

export async function openPhone(
  browser: Browser,
  baseUrl: string,
  deviceScaleFactor = 2,
): Promise<PhonePage> {
  return openPage(browser, baseUrl, { viewport: PHONE, deviceScaleFactor, isMobile: true, hasTouch: true });
}

/** A desktop page (the customer-service console's), 1440×900. */
export const DESKTOP = { width: 1440, height: 900 } as const;

export async function openDesktop(
  browser: Browser,
  baseUrl: string,
  deviceScaleFactor = 1,
): Promise<PhonePage> {
  return openPage(browser, baseUrl, {
    viewport: DESKTOP,
    deviceScaleFactor,
    isMobile: false,
    hasTouch: false,
  });
}

async function openPage(
  browser: Browser,
  baseUrl: string,
  device: {
    viewport: { width: number; height: number };
    deviceScaleFactor: number;
    isMobile: boolean;
    hasTouch: boolean;
  },
): Promise<PhonePage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    ...device,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const problems: string[] = [];
  return { context, page: await watched(context, problems), problems };
}

/** Another tab in the same browser (same cookies, so the same provider session; its own sessionStorage). */
export async function openTab(opened: PhonePage): Promise<Page> {
  return watched(opened.context, opened.problems);
}

async function watched(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    // A refusal the screen explains (4xx) is logged by Chromium as a failed load: not a problem.
    const refusal = /^Failed to load resource: the server responded with a status of 4\d\d/;
    if (message.type() === 'error' && !refusal.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/** The heading of the development OpenID provider's sign-in page (local/auth/login-page.ts). */
export const PROVIDER_SIGN_IN = 'Masuk ke Oxygen.id Selfcare';

/** The provider's one-click sign-in page, as the app sends a signed-out person to it. */
export async function waitForProviderSignIn(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: PROVIDER_SIGN_IN }).waitFor();
}

/**
 * Signing in as a person does: opens `path`, the app sends the browser to the OpenID provider
 * (authorization code + PKCE), picks the person by name there, and lands back on `path`.
 */
export async function signInAs(page: Page, personName: string, path = '/app/'): Promise<void> {
  await page.goto(path);
  await waitForProviderSignIn(page);
  await page.getByRole('button', { name: new RegExp(personName) }).click();
  const trimmed = (p: string) => p.replace(/\/+$/, '');
  await page.waitForURL((url) => trimmed(url.pathname) === trimmed(path.split('?')[0]!));
}

/** "Keluar" in the app, confirmed at the provider (its session ends too): its sign-in page again. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Keluar dari Oxygen.id?' }).waitFor();
  await page.getByRole('button', { name: 'Ya, keluar' }).click();
  await waitForProviderSignIn(page);
}

/** axe-core on the page as it is now: the serious and critical violations, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
