import { seedDatabase } from '../../prisma/seed-data';
import { startTestDatabase, type TestDatabase } from '../helpers/database';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase({ seedDate: new Date('2025-11-21T03:00:00Z') });
}, 120_000);
afterAll(async () => t?.teardown());

describe('seed data', () => {
  it('loads the whole catalog with the deck prices and both deck customers', async () => {
    expect(await t.db.package.count()).toBe(30);
    const stream150 = await t.db.package.findUniqueOrThrow({ where: { code: 'STREAM-150-SEM' } });
    expect(stream150).toMatchObject({
      name: 'Stream 150 Semesterly',
      priceIdr: 1_780_000,
      requiresDualBand: true,
    });
    const stream75 = await t.db.package.findUniqueOrThrow({ where: { code: 'STREAM-75-SEM' } });
    expect(stream75.priceIdr).toBe(1_210_000);
    const ahmad = await t.db.customer.findUniqueOrThrow({
      where: { id: '21314849' },
      include: { subscription: true },
    });
    expect(ahmad.name).toBe('AHMAD TARMIZI');
    expect(ahmad.subscription?.packageCode).toBe('STREAM-75-SEM');
    expect(ahmad.subscription?.periodStart.toISOString().slice(0, 10)).toBe('2025-11-01');
    const fachri = await t.db.customer.findUniqueOrThrow({
      where: { id: '21301029' },
      include: { devices: true },
    });
    expect(fachri.customerType).toBe('VIP');
    expect(fachri.devices.map((d) => d.band)).toEqual(['SINGLE']);
  });

  it('is idempotent: seeding again adds no row', async () => {
    const before = await counts();
    await seedDatabase(t.db, new Date('2025-12-30T03:00:00Z'));
    expect(await counts()).toEqual(before);
  });

  it('allocates identifiers from database sequences, starting at the deck numbers', async () => {
    const [row] = await t.db.$queryRaw<{ bill: bigint; ticket: bigint; wo: bigint }[]>`
      SELECT nextval('bill_code_seq') AS bill, nextval('ticket_no_seq') AS ticket, nextval('work_order_no_seq') AS wo`;
    expect(row).toEqual({ bill: 712857n, ticket: 3759821n, wo: 2825386n });
  });
});

async function counts() {
  return {
    packages: await t.db.package.count(),
    customers: await t.db.customer.count(),
    subscriptions: await t.db.subscription.count(),
    devices: await t.db.ontDevice.count(),
    payments: await t.db.payment.count(),
  };
}
