/**
 * `Authorization` headers as the Selfcare app, the vendor portal or the CRM would send them,
 * with tokens from a development OpenID provider: the system's own (`tokensFrom`), or one this
 * test process starts once (`scripts/oidc-provider.ts`, gone when the process is).
 */
import { spawn } from 'node:child_process';
import { mintDevelopmentToken, type Principal, type Role } from '../../platform/auth';
import { loadConfig } from '../../platform/config';
import { freePort } from '../../platform/free-ports';
import { PROJECT_ROOT, providerEnv, servesDiscovery } from '../support/harness';

let chosen: string | undefined;
let shared: Promise<string> | undefined;
const tokens = new Map<string, Promise<string>>();

/** Tokens from now on come from this provider (a system's own, see LocalSystem.issuerUrl). */
export function tokensFrom(issuer: string): void {
  chosen = issuer;
}

/** The provider tokens come from: the one chosen, or this process's own, started on first use. */
export function developmentIssuer(): Promise<string> {
  if (chosen) return Promise.resolve(chosen);
  shared ??= startSharedProvider();
  return shared;
}

/** The environment of an API that trusts the provider tokens come from (and runs none itself). */
export async function trustingEnv(): Promise<Record<string, string>> {
  return providerEnv(await developmentIssuer(), 'off');
}

/**
 * The environment of a production-mode API that trusts the provider tokens come from as an ISP's
 * IdP would be trusted: through AUTH_ISSUERS (production runs no development provider).
 */
export async function productionTrustEnv(): Promise<Record<string, string>> {
  const issuer = await developmentIssuer();
  const { auth } = loadConfig({ NODE_ENV: 'test', ...providerEnv(issuer, 'off') });
  return { AUTH_ISSUERS: JSON.stringify(auth.issuers.filter((trusted) => trusted.issuer === issuer)) };
}

async function startSharedProvider(): Promise<string> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/oidc-provider.ts', '--exit-with-parent'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', DATA_DIR: '', ...providerEnv(issuer, port) },
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  // Neither keeps the test process alive; its standard input closing when the test process ends stops the child.
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the development provider exited (${child.exitCode})`);
    if (await servesDiscovery(issuer).catch(() => false)) return issuer;
    if (Date.now() > deadline) throw new Error('the development provider did not start in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A token from the provider, minted once per role, subject and provider. */
export async function tokenFor(role: Role, sub: string, hours = 12, vendor?: string): Promise<string> {
  const issuer = await developmentIssuer();
  const key = `${issuer} ${role} ${sub} ${hours} ${vendor ?? ''}`;
  let token = tokens.get(key);
  if (!token) {
    token = mintDevelopmentToken({ role, subject: sub, hours, issuer, ...(vendor ? { vendor } : {}) });
    token.catch(() => tokens.delete(key));
    tokens.set(key, token);
  }
  return token;
}

export async function bearer(role: Role, sub: string): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await tokenFor(role, sub)}` };
}

export const asCustomer = (customerId: string) => bearer('customer', customerId);
/** Operations: the ops views, the codec server, the Temporal Web UI. */
export const asOperator = () => bearer('operator', 'ops-dimas');
/** A customer-service agent: the CS console's reads and actions. */
export const asCs = () => bearer('cs', 'cs-rina');
export const asTechnician = () => bearer('technician', 'tech-misitel-budi');
/** A technician of another installer vendor than the one the ISP dispatches to (MISITEL). */
export const asTechnicianOf = async (vendor: string) => ({
  Authorization: `Bearer ${await tokenFor('technician', `tech-${vendor.toLowerCase()}-andi`, 12, vendor)}`,
});

/** The caller a test means by a path: the customer it names, a technician, an operator (ops) or CS. */
export function principalFor(path: string): Principal {
  if (path.includes('/technician/')) return { role: 'technician', sub: 'tech-misitel-budi' };
  if (path.includes('/ops/') || path.includes('/dev/')) return { role: 'operator', sub: 'ops-dimas' };
  if (path.includes('/cs/')) return { role: 'cs', sub: 'cs-rina' };
  const customer = /\/customers\/(\d{8})\//.exec(path) ?? /\/upgrades\/upgrade-(\d{8})-/.exec(path);
  if (customer?.[1]) return { role: 'customer', sub: customer[1] };
  return { role: 'cs', sub: 'cs-rina' };
}

export function callerFor(path: string): Promise<Record<string, string>> {
  const principal = principalFor(path);
  return bearer(principal.role, principal.sub);
}
