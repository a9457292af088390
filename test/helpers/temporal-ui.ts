/**
 * The standalone Temporal Web UI (deploy/temporal/ui/config/cluster.yaml) as an operator uses it:
 * signed in through the OpenID provider, a run opened, its input read as the codec server
 * decoded it; and what the codec server answers others from the UI's page (CORS included).
 * Shared by test/web/temporal-ui.test.ts (beside a dev server) and the cluster test.
 */
import { Client, type Connection } from '@temporalio/client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { tokenFor } from './auth';

/** The provider's page for the UI's client (local/auth/login-page.ts: "Masuk ke <client name>"). */
const UI_SIGN_IN = 'Masuk ke Temporal Web UI';

export interface SignedInUi {
  context: BrowserContext;
  page: Page;
}

/**
 * Opens `<uiUrl>/namespaces/default/workflows/<workflowId>` signed out: the UI sends the browser to
 * the provider ("Continue to SSO"), whose page lists the operators only; Dimas signs in and lands on
 * the run. The codec server's certificate is the development one (a person trusts it once).
 */
export async function operatorOpensRun(
  browser: Browser,
  uiUrl: string,
  workflowId: string,
): Promise<SignedInUi> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  // What the browser went through, for the failure message: navigations and refused requests.
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(`navigated ${frame.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  const runPath = `/namespaces/default/workflows/${workflowId}`;
  try {
    await page.goto(`${uiUrl}${runPath}`);
    await page.getByRole('button', { name: 'Continue to SSO' }).click();
    await page.getByRole('heading', { level: 1, name: UI_SIGN_IN }).waitFor();
    await page.getByRole('button', { name: /Dimas Prasetyo/ }).click();
    // Back from the provider, signed in. Under load the UI may have sent the browser to /login twice
    // before the sign-in (an API call and its session refresh both answered 401), and then returns
    // to that nested /login: the operator, signed in now, opens the run's link again.
    const ui = new URL(uiUrl).origin;
    await page.waitForURL((url) => url.origin === ui && !url.pathname.startsWith('/auth'));
    if (!new URL(page.url()).pathname.startsWith(runPath)) await page.goto(`${uiUrl}${runPath}`);
    await page.waitForURL((url) => url.pathname.startsWith(runPath));
  } catch (error) {
    throw new Error(`${(error as Error).message}\nthe browser saw:\n${seen.join('\n')}`);
  }
  return { context, page };
}

/** Whom the provider offers to sign in to the UI: the texts of its page's buttons (name and description). */
export async function providerChoicesForUi(browser: Browser, uiUrl: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    return await choicesAtUiSignIn(await context.newPage(), uiUrl);
  } finally {
    await context.close();
  }
}

/** The same, in a browser that may already hold the provider's session of someone. */
export async function choicesAtUiSignIn(page: Page, uiUrl: string): Promise<string[]> {
  await page.goto(`${uiUrl}/namespaces/default/workflows`);
  await page.getByRole('button', { name: 'Continue to SSO' }).click();
  await page.getByRole('heading', { level: 1, name: UI_SIGN_IN }).waitFor();
  const buttons = page.getByRole('form', { name: 'Pilih akun untuk masuk' }).getByRole('button');
  return (await buttons.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/**
 * The run's input card as the codec server decoded it: waits for `"<field>":"<value>"` (the UI
 * prints the JSON compact); without the codec the card shows the ciphertext's base64.
 */
export async function waitForDecodedInput(page: Page, field: string, value: string): Promise<void> {
  await page.getByText(`"${field}":"${value}"`).first().waitFor({ timeout: 60_000 });
}

/**
 * `POST <codec>/decode` from the UI's page, as the UI sends it (X-Namespace, the bearer token when
 * given, `Authorization-Extras` with the signed-in ID token): the status the page could read.
 */
export async function decodeFromUiPage(
  page: Page,
  codecEndpoint: string,
  payloads: unknown[],
  accessToken: string | 'signed-in' | undefined,
): Promise<{ status: number; body: string }> {
  return page.evaluate(
    async ({ endpoint, payloads, accessToken }) => {
      // Where the UI keeps the signed-in user (the tokens its server's callback handed over).
      const storage = (globalThis as unknown as { localStorage: { getItem(key: string): string | null } })
        .localStorage;
      const user = JSON.parse(storage.getItem('AuthUser') ?? '{}') as {
        accessToken?: string;
        idToken?: string;
      };
      const token = accessToken === 'signed-in' ? user.accessToken : accessToken;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'X-Namespace': 'default',
      };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (user.idToken) headers['Authorization-Extras'] = user.idToken;
      const answer = await fetch(`${endpoint}/decode`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ payloads }),
      });
      return { status: answer.status, body: await answer.text() };
    },
    { endpoint: codecEndpoint, payloads, accessToken },
  );
}

/**
 * The result of a run's first local activity of `activityType` as Temporal stores it (fetched
 * without the codec), in the codec protocol's JSON: its marker's `result` (the marker's `data`,
 * the SDK's own bookkeeping, stays plain). acceptUpgradeRequest's is the plan, the customer's name in it.
 */
export async function storedLocalResultOf(
  connection: Connection,
  workflowId: string,
  activityType: string,
): Promise<Array<{ metadata: Record<string, string>; data: string }>> {
  const history = await new Client({ connection }).workflow.getHandle(workflowId).fetchHistory();
  const marker = (history.events ?? [])
    .map((e) => e.markerRecordedEventAttributes)
    .find((m) => {
      const data = m?.markerName === 'core_local_activity' ? m.details?.data?.payloads?.[0]?.data : undefined;
      return !!data && JSON.parse(Buffer.from(data).toString()).activity_type === activityType;
    });
  const payloads = marker?.details?.result?.payloads ?? [];
  if (payloads.length === 0) throw new Error(`${workflowId}: no completed ${activityType}`);
  return payloads.map((p) => ({
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    data: Buffer.from(p.data ?? []).toString('base64'),
  }));
}

/**
 * The whole check: Dimas (an operator) signs in to the UI at `uiUrl` and opens `workflowId` (an upgrade of
 * `customer`, started with an Idempotency-Key, i.e. `upgrade-<id>-<key>`); its input card shows
 * the input decoded. Its accepted plan (acceptUpgradeRequest's result) is ciphertext in Temporal;
 * from the UI's page the codec server decodes it, the customer's name in it, for his token only:
 * a customer's, a technician's and a CS agent's token are 403, none is 401, each readable by the page (CORS).
 */
export async function expectOperatorReadsRun(options: {
  browser: Browser;
  uiUrl: string;
  codecEndpoint: string;
  connection: Connection;
  workflowId: string;
  customer: { id: string; name: string };
}): Promise<void> {
  const { customer } = options;
  const key = options.workflowId.slice(`upgrade-${customer.id}-`.length);
  const { context, page } = await operatorOpensRun(options.browser, options.uiUrl, options.workflowId);
  try {
    await waitForDecodedInput(page, 'idempotencyKey', key);
    await waitForDecodedInput(page, 'customerId', customer.id);

    const stored = await storedLocalResultOf(options.connection, options.workflowId, 'acceptUpgradeRequest');
    const raw = stored.map((p) =>
      [...Object.values(p.metadata), p.data].map((b) => Buffer.from(b, 'base64').toString()),
    );
    expect(raw.flat().join()).toContain('binary/encrypted');
    expect(raw.flat().join()).not.toContain(customer.name);

    const decoded = await decodeFromUiPage(page, options.codecEndpoint, stored, 'signed-in');
    expect(decoded.status).toBe(200);
    const plans = (JSON.parse(decoded.body) as { payloads: Array<{ data: string }> }).payloads.map((p) =>
      JSON.parse(Buffer.from(p.data, 'base64').toString()),
    );
    expect(plans).toEqual([expect.objectContaining({ customerName: customer.name })]);

    for (const [token, status] of [
      [await tokenFor('customer', customer.id), 403],
      [await tokenFor('technician', 'tech-budi'), 403],
      [await tokenFor('cs', 'cs-rina'), 403],
      [undefined, 401],
    ] as const) {
      const refused = await decodeFromUiPage(page, options.codecEndpoint, stored, token);
      expect([token?.slice(0, 12), refused.status, refused.body.includes(customer.name)]).toEqual([
        token?.slice(0, 12),
        status,
        false,
      ]);
    }
  } finally {
    await context.close();
  }
}
