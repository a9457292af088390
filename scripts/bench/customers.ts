/**
 * Bench customers, written straight into PostgreSQL: one eligible customer per upgrade, with an
 * active subscription started 20 days ago and an active ONT. Even positions are deck scenario A
 * (Stream 75 Semesterly, dual-band ONT → STREAM-150-SEM), odd ones scenario B (Stream 50 Yearly,
 * single-band ONT → STREAM-200-YEAR, which waits for the technician). IDs are 3xxxxxxx.
 */
import type pg from 'pg';

export type Scenario = 'A' | 'B';

export interface BenchCustomer {
  id: string;
  scenario: Scenario;
  targetPackageCode: string;
}

export const SCENARIOS: Record<Scenario, { from: string; target: string; band: 'DUAL' | 'SINGLE' }> = {
  A: { from: 'STREAM-75-SEM', target: 'STREAM-150-SEM', band: 'DUAL' },
  B: { from: 'STREAM-50-YEAR', target: 'STREAM-200-YEAR', band: 'SINGLE' },
};

let nextId = 30_000_001;

/** Inserts `count` new customers (half A, half B, interleaved, or all of `only`) in three statements. */
export async function createBenchCustomers(
  client: pg.Client,
  count: number,
  only?: Scenario,
): Promise<BenchCustomer[]> {
  const first = nextId;
  nextId += count;
  if (nextId > 39_999_999) throw new Error('out of bench customer IDs');
  const customers: BenchCustomer[] = Array.from({ length: count }, (_, i) => {
    const scenario: Scenario = only ?? (i % 2 === 0 ? 'A' : 'B');
    return { id: String(first + i), scenario, targetPackageCode: SCENARIOS[scenario].target };
  });
  const ids = customers.map((c) => c.id);
  const fromCodes = customers.map((c) => SCENARIOS[c.scenario].from);
  const bands = customers.map((c) => SCENARIOS[c.scenario].band);
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "Customer" (id, name, "customerType", email, phone, "installationAddress", "homepassCode",
         "homepassId", "fatCode", "fatPort", "billCycle")
       SELECT id, 'BENCH CUSTOMER ' || id, 'REGULAR', 'bench+' || id || '@example.com', '+62812' || id,
         'JL. BENCHMARK NO ' || id || ' PEKANBARU RIAU', 'HP-BENCH-' || id, id, 'FAT-BENCH-001', 1, 4
       FROM unnest($1::text[]) AS id`,
      [ids],
    );
    await client.query(
      `INSERT INTO "Subscription" ("customerId", "packageCode", "periodStart", "periodEnd", status, "updatedAt")
       SELECT t.id, t.code, (now() AT TIME ZONE 'Asia/Jakarta')::date - 20,
         (((now() AT TIME ZONE 'Asia/Jakarta')::date - 20) + (p."termMonths" || ' months')::interval)::date,
         'ACTIVE', now()
       FROM unnest($1::text[], $2::text[]) AS t(id, code) JOIN "Package" p ON p.code = t.code`,
      [ids, fromCodes],
    );
    await client.query(
      `INSERT INTO "OntDevice" (serial, "customerId", model, band, status, "installedAt")
       SELECT 'BENCHOLD' || id, id, CASE WHEN band = 'DUAL' THEN 'ZTE F670L' ELSE 'ZTE F609' END,
         band::"OntBand", 'ACTIVE', now() - interval '1 year'
       FROM unnest($1::text[], $2::text[]) AS t(id, band)`,
      [ids, bands],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return customers;
}
