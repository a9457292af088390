/**
 * The three web apps signing in through a real, widely deployed identity provider nobody here
 * wrote: Keycloak 26 (scripts/ensure-keycloak.sh fetches it once into the user cache), started
 * here with the realm of deploy/keycloak/selfcare-realm.json, configured as docs/security.md tells
 * an ISP (realm roles in `realm_access.roles`, the customer ID and the vendor in declared user
 * attributes mapped into the access token, an audience mapper, a public client with PKCE S256).
 * The API trusts it through AUTH_ISSUERS and its claim mapping, the web apps sign in through it
 * (AUTH_WEB_AUTHORITY, AUTH_WEB_CLIENT_ID), and learn who signed in from GET /v1/me, never from
 * Keycloak's claim names. In Chromium, on Keycloak's own login page: a customer sees her deck
 * quote, a technician the day's list, a CS agent finds a customer, each signs out through
 * Keycloak; a person Keycloak gives no role of ours is told so in words. Keycloak starts once for
 * the file, beside the system (start-dev builds itself first: 1.5-3 minutes on two busy cores).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePorts } from '../../platform/free-ports';
import { buildWeb } from '../../scripts/build-web';
import {
  accessibilityViolations,
  openDesktop,
  openPhone,
  type PhonePage,
  startBrowser,
} from '../helpers/browser';
import { type LocalSystem, PROJECT_ROOT, startLocalSystem } from '../support/harness';

const REALM_FILE = path.join(PROJECT_ROOT, 'deploy', 'keycloak', 'selfcare-realm.json');
const TOOLS = path.join(PROJECT_ROOT, '.tools', 'keycloak.json');
const CLIENT_ID = 'selfcare-web';
const AUDIENCE = 'selfcare-api';
/** The realm's people (published test passwords of a throw-away realm). */
const PEOPLE = {
  customer: { username: 'ahmad', password: 'ahmad-selfcare-test' },
  technician: { username: 'budi', password: 'budi-selfcare-test' },
  cs: { username: 'rina', password: 'rina-selfcare-test' },
  noRole: { username: 'nora', password: 'nora-selfcare-test' },
};

let keycloak: { process: ChildProcess; issuer: string; output: string[]; importFile: string } | undefined;
let system: LocalSystem;
let browser: Browser;
let appUrl: string;
const pages: PhonePage[] = [];

/** The API's view of the realm, as docs/security.md shows it (the CS agent: role `cs`). */
const issuerSettings = (issuer: string) => ({
  issuer,
  audience: AUDIENCE,
  roles: ['customer', 'technician', 'cs'],
  claims: {
    role: 'realm_access.roles',
    customerId: 'oxygen_customer_id',
    subject: 'preferred_username',
    vendor: 'oxygen_vendor',
  },
  roleValues: { 'selfcare-customer': 'customer', 'selfcare-technician': 'technician', 'selfcare-cs': 'cs' },
  vendors: ['MISITEL'],
});

function keycloakInstall(): { home: string; javaHome: string } {
  if (!fs.existsSync(TOOLS))
    throw new Error('Keycloak is not installed: run `bash scripts/ensure-keycloak.sh` (npm test does)');
  return JSON.parse(fs.readFileSync(TOOLS, 'utf8')) as { home: string; javaHome: string };
}

/**
 * Keycloak in dev mode on `port` (in-memory H2: nothing kept between runs), importing the realm
 * with the test's web app as the client's redirect URI and web origin.
 */
function startKeycloak(port: number, app: string) {
  const { home, javaHome } = keycloakInstall();
  const realm = JSON.parse(fs.readFileSync(REALM_FILE, 'utf8'));
  const client = realm.clients.find((c: { clientId: string }) => c.clientId === CLIENT_ID);
  client.rootUrl = app;
  client.redirectUris = [`${app}/app/auth/callback`];
  client.webOrigins = [app];
  client.attributes['post.logout.redirect.uris'] = `${app}/app/`;
  // --import-realm reads data/import of the distribution: a file of this run, removed once it is up.
  const importDir = path.join(home, 'data', 'import');
  fs.mkdirSync(importDir, { recursive: true });
  const importFile = path.join(importDir, `selfcare-test-${process.pid}.json`);
  fs.writeFileSync(importFile, JSON.stringify(realm));
  const child = spawn(
    path.join(home, 'bin', 'kc.sh'),
    ['start-dev', '--http-port', String(port), '--http-host', '127.0.0.1', '--import-realm', '--db=dev-mem'],
    {
      cwd: os.tmpdir(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        JAVA_HOME: javaHome,
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: `admin-${process.pid}-${Date.now()}`,
      },
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-50));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { process: child, issuer: `http://127.0.0.1:${port}/realms/selfcare`, output, importFile };
}

async function waitForKeycloak(kc: NonNullable<typeof keycloak>, timeoutMs = 360_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (kc.process.exitCode !== null)
      throw new Error(`Keycloak exited (${kc.process.exitCode}):\n${kc.output.slice(-30).join('\n')}`);
    try {
      const answer = await fetch(`${kc.issuer}/.well-known/openid-configuration`);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`Keycloak not up in ${timeoutMs / 1000} s:\n${kc.output.slice(-30).join('\n')}`);
}

async function stopKeycloak(): Promise<void> {
  if (!keycloak) return;
  fs.rmSync(keycloak.importFile, { force: true });
  const { process: child } = keycloak;
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  const started = Date.now();
  buildWeb();
  const [apiPort, keycloakPort] = (await freePorts(2)) as [number, number];
  appUrl = `http://127.0.0.1:${apiPort}`;
  keycloak = startKeycloak(keycloakPort, appUrl);
  const issuer = keycloak.issuer;
  [, system, browser] = await Promise.all([
    waitForKeycloak(keycloak).then(() => fs.rmSync(keycloak!.importFile, { force: true })),
    startLocalSystem({
      label: 'keycloak',
      env: {
        PORT: String(apiPort),
        PUBLIC_BASE_URL: appUrl,
        AUTH_ISSUERS: JSON.stringify([issuerSettings(issuer)]),
        AUTH_WEB_AUTHORITY: issuer,
        AUTH_WEB_CLIENT_ID: CLIENT_ID,
      },
    }),
    startBrowser(),
  ]);
  console.info(`Keycloak and the system up in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await stopKeycloak();
  if (system) expect(await system.stop()).toBe(0);
  expect(pages.flatMap((p) => p.problems)).toEqual([]);
}, 60_000);

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function phone(): Promise<Page> {
  const opened = await openPhone(browser, appUrl);
  pages.push(opened);
  return opened.page;
}

async function desktop(): Promise<Page> {
  const opened = await openDesktop(browser, appUrl);
  pages.push(opened);
  return opened.page;
}

/** Keycloak's own login page, as the app sends a signed-out person there. */
async function keycloakLogin(page: Page, person: { username: string; password: string }): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${keycloak!.issuer}/protocol/openid-connect/auth`));
  await page.locator('#username').fill(person.username);
  await page.locator('#password').fill(person.password);
  await page.locator('#kc-login').click();
}

/** Opens `path` signed out, signs in on Keycloak's page, and lands back on `path`. */
async function signInThroughKeycloak(
  page: Page,
  person: { username: string; password: string },
  at: string,
): Promise<void> {
  await page.goto(at);
  await keycloakLogin(page, person);
  const trimmed = (p: string) => p.replace(/\/+$/, '');
  await page.waitForURL((url) => url.origin === appUrl && trimmed(url.pathname) === trimmed(at));
}

/** "Keluar" in the app ends the Keycloak session too: the app, signed out, sends the browser to Keycloak's login page. */
async function signOutThroughKeycloak(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${keycloak!.issuer}/protocol/openid-connect/auth`));
  await page.locator('#username').waitFor();
  // The provider's session is over: the app's start asks for a password again.
  await page.goto('/app/');
  await page.locator('#username').waitFor();
}

describe('signing in to the web apps through Keycloak', () => {
  it('a customer sees her package and the deck quote (771.700), then signs out through Keycloak', async () => {
    const page = await phone();
    await signInThroughKeycloak(page, PEOPLE.customer, '/app/');
    await heading(page, 'Halo, AHMAD TARMIZI').waitFor();
    await page.getByRole('region', { name: 'Paket Aktif' }).getByText('Stream 75 Semesterly').waitFor();

    await page.goto('/app/packages/STREAM-150-SEM/upgrade');
    await heading(page, 'Konfirmasi Upgrade').waitFor();
    const bill = page.getByRole('region', { name: 'Tagihan' });
    await bill.getByText('Tujuh Ratus Tujuh Puluh Satu Ribu Tujuh Ratus Rupiah').waitFor();
    expect(await bill.innerText()).toMatch(/Total tagihan\s+Rp 771\.700/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The app's token is Keycloak's, and the API says who it is.
    const token = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
      return key ? (JSON.parse(sessionStorage.getItem(key)!) as { access_token: string }).access_token : '';
    });
    const me = await fetch(`${appUrl}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({
      role: 'customer',
      customerId: '21314849',
      account: null,
      vendor: null,
      displayName: 'AHMAD TARMIZI',
      issuer: keycloak!.issuer,
    });

    await signOutThroughKeycloak(page);
  });

  it('a technician of MISITEL sees the day’s list, then signs out through Keycloak', async () => {
    const page = await phone();
    await signInThroughKeycloak(page, PEOPLE.technician, '/app/technician');
    await heading(page, 'Jadwal hari ini').waitFor();
    await page.getByText('Vendor MISITEL').waitFor();
    await signOutThroughKeycloak(page);
  });

  it('a CS agent finds a customer by ID, then signs out through Keycloak', async () => {
    const page = await desktop();
    await signInThroughKeycloak(page, PEOPLE.cs, '/app/cs');
    await heading(page, 'Cari pelanggan').waitFor();
    await page.getByLabel(/Customer ID, nama, telepon/).fill('21314849');
    await page.getByRole('button', { name: 'Cari' }).click();
    const results = page.getByRole('region', { name: 'Hasil pencarian' });
    await results.getByText('1 pelanggan cocok').waitFor();
    expect(await results.getByRole('row').nth(1).textContent()).toContain('AHMAD TARMIZI');
    await signOutThroughKeycloak(page);
  });

  it('a person Keycloak grants no role of ours is told so in words, and can sign out', async () => {
    const page = await phone();
    await page.goto('/app/');
    await keycloakLogin(page, PEOPLE.noRole);
    await heading(page, 'Akun ini belum punya akses ke Selfcare').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('belum diberi peran');
    expect(await accessibilityViolations(page)).toEqual([]);
    if (process.env.KEYCLOAK_SCREENSHOT)
      await page.screenshot({ path: process.env.KEYCLOAK_SCREENSHOT, fullPage: false });
    await signOutThroughKeycloak(page);
  });
});
