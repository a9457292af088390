/**
 * After both deck scenarios: what a customer is must not be readable from Temporal's storage
 * without the key, and must be readable through the codec server. Run against the dev-server
 * stack (test/e2e/data-protection.test.ts) and the cluster (test/cluster), like deckScenarios.
 * The customers' data comes from the seed (prisma/seed-data.ts), never from copies.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client, Connection, type TLSConfig } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { ontReplacedSignal } from '../../contracts/upgrade';
import { temporalTools } from '../../local/temporal-tools';
import { developmentKeyring } from '../../platform/encryption-keys';
import { EncryptionCodec } from '../../platform/payload-encryption';
import { DEMO_CUSTOMERS } from '../../prisma/seed-data';
import { DECK_B_SWAP_REPORT } from './deck-scenarios';

const run = promisify(execFile);
const DECK = { A: '21314849', B: '21301029' } as const;
const customer = (id: string) => {
  const found = DEMO_CUSTOMERS.find((c) => c.id === id);
  if (!found) throw new Error(`no demo customer ${id}`);
  return found;
};

/** Name, email, phone (as stored, and as 0812… and 812…), address (whole, and its street). */
export function personalDataOf(customerIds: readonly string[]): string[] {
  return customerIds.flatMap((id) => {
    const c = customer(id);
    const national = c.phone.replace(/^\+62/, '');
    return [
      c.name,
      c.email,
      c.phone,
      `0${national}`,
      national,
      c.installationAddress,
      streetOf(c.installationAddress),
    ];
  });
}

/** "JL. TEBET BARAT DALAM IV NO 12 RT 005 …" → "JL. TEBET BARAT DALAM IV" */
const streetOf = (address: string) => address.split(/ (?:NO|RT) /)[0] as string;

/** What the issue names: the customers' names, ONT serials (old and new) and addresses. */
export const IN_TEMPORAL = {
  names: [customer(DECK.A).name, customer(DECK.B).name],
  serials: [customer(DECK.A).ont.serial, customer(DECK.B).ont.serial, DECK_B_SWAP_REPORT.newOntSerial],
  addresses: [customer(DECK.A).installationAddress, customer(DECK.B).installationAddress].flatMap((a) => [
    a,
    streetOf(a),
  ]),
};
const secrets = [
  ...IN_TEMPORAL.names,
  ...IN_TEMPORAL.serials,
  ...IN_TEMPORAL.addresses,
  ...personalDataOf([DECK.A, DECK.B]),
];

/**
 * Every string of a history as printed, and each of them base64-decoded (payload data and
 * metadata are base64 in JSON): a plaintext payload is found either way.
 */
export function haystackOf(json: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') parts.push(value, Buffer.from(value, 'base64').toString('utf8'));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(json);
  return parts.join('\n');
}

export interface CustomerDataTarget {
  temporalAddress: string;
  codecEndpoint: string;
  /** `Bearer <operator token>` where the codec server requires one. */
  codecAuth?: string;
  /** The certificate of an https codec endpoint the system does not trust (a development one). */
  codecCertificatePath?: string;
  /** A frontend that requires a client certificate (the cluster): the CLI's TEMPORAL_TLS_* and a client's. */
  temporalTls?: { cliEnv: Record<string, string>; connection: TLSConfig };
}

async function cli(args: string[], target: CustomerDataTarget, certificatePath?: string): Promise<unknown> {
  const { stdout } = await run(temporalTools().temporalCli, [...args, '-o', 'json'], {
    maxBuffer: 64_000_000,
    env: {
      ...process.env,
      ...target.temporalTls?.cliEnv,
      // Go reads its trusted roots from SSL_CERT_FILE: only the local servers are called.
      ...(certificatePath ? { SSL_CERT_FILE: certificatePath } : {}),
    },
  });
  return JSON.parse(stdout);
}

async function histories(target: CustomerDataTarget, codec: boolean): Promise<Map<string, unknown>> {
  const address = ['--address', target.temporalAddress];
  const codecArgs = codec
    ? [
        '--codec-endpoint',
        target.codecEndpoint,
        ...(target.codecAuth ? ['--codec-auth', target.codecAuth] : []),
      ]
    : [];
  const runs = (await cli(['workflow', 'list', ...address, '--limit', '1000'], target)) as Array<{
    execution: { workflowId: string; runId: string };
  }>;
  const shown = new Map<string, unknown>();
  for (const { execution } of runs) {
    const args = [
      'workflow',
      'show',
      '-w',
      execution.workflowId,
      '-r',
      execution.runId,
      ...address,
      ...codecArgs,
    ];
    shown.set(
      `${execution.workflowId}/${execution.runId}`,
      await cli(args, target, target.codecCertificatePath),
    );
  }
  return shown;
}

export function customerDataInTemporal(target: () => CustomerDataTarget): void {
  describe('customer data in Temporal after both deck scenarios', () => {
    it('no run’s raw history (temporal workflow show, without the codec) holds a name, ONT serial, address, phone or email', async () => {
      const raw = await histories(target(), false);
      expect([...raw.keys()].some((id) => id.startsWith('upgrade-21301029-deck-b/'))).toBe(true);
      expect(raw.size).toBeGreaterThanOrEqual(4); // both upgrades, their bills, the reconciler
      const found = [...raw].flatMap(([run, history]) => {
        const hay = haystackOf(history);
        return secrets.filter((s) => hay.includes(s)).map((s) => `${run}: ${s}`);
      });
      expect(found).toEqual([]);
    });

    // Addresses never reach Temporal (the activities read them from PostgreSQL): the raw check
    // above is what guards them; names and serials travel in the plan and the report.
    it('through the codec server the same histories read in plain: the names and the serials', async () => {
      const decoded = haystackOf([...(await histories(target(), true)).values()]);
      const readable = [...IN_TEMPORAL.names, ...IN_TEMPORAL.serials];
      expect(readable.filter((s) => !decoded.includes(s))).toEqual([]);
    });

    it('fetched by a client without the codec, the technician’s report is ciphertext that decodes to what was sent', async () => {
      const { temporalAddress, temporalTls } = target();
      const connection = await Connection.connect({
        address: temporalAddress,
        tls: temporalTls?.connection,
      });
      try {
        const history = await new Client({ connection }).workflow
          .getHandle('upgrade-21301029-deck-b')
          .fetchHistory();
        const signalled = (history.events ?? [])
          .map((e) => e.workflowExecutionSignaledEventAttributes)
          .filter((s) => s?.signalName === ontReplacedSignal.name);
        expect(signalled).toHaveLength(1);
        const [payload] = (signalled[0]?.input?.payloads ?? []) as Payload[];
        expect(Buffer.from(payload!.metadata!.encoding!).toString()).toBe('binary/encrypted');
        expect(haystackOf(JSON.parse(JSON.stringify(payload)))).not.toContain(
          DECK_B_SWAP_REPORT.newOntSerial,
        );
        const [plain] = await new EncryptionCodec(developmentKeyring()).decode([payload!]);
        expect(defaultPayloadConverter.fromPayload(plain!)).toMatchObject(DECK_B_SWAP_REPORT);
      } finally {
        await connection.close();
      }
    });
  });
}
