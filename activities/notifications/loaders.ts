/**
 * What the notices read before they are written: the customer (every notice) and, per notice, the
 * bill, the package, the ONT or the payment it names. Each loader answers `{ customer, context }`.
 */
import type { Database } from '../../platform/database';
import { notFound } from '../errors';
import type {
  BillNoticeInput,
  NoticeInput,
  NotifyBillIssuedInput,
  NotifyPaymentReceivedInput,
  NotifyUpgradeCancelledInput,
} from './inputs';

/** What every notice needs of the customer; the notices that name the package or the ONT read them. */
const CUSTOMER_SELECT = { id: true, name: true, email: true, installationAddress: true } as const;

export type Customer = Awaited<ReturnType<typeof loadCustomer>>;

/** The customer a notice goes to, and what else it names. */
export interface Loaded<C> {
  customer: Customer;
  context: C;
}

async function loadCustomer(db: Database, customerId: string) {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: CUSTOMER_SELECT });
  if (!customer) throw notFound(`customer ${customerId} does not exist`);
  return customer;
}

/** A loader that reads the customer first, then what the notice names (given the customer). */
const afterCustomer =
  <I extends NoticeInput, C>(load: (db: Database, input: I, customer: Customer) => Promise<C>) =>
  async (db: Database, input: I): Promise<Loaded<C>> => {
    const customer = await loadCustomer(db, input.customerId);
    return { customer, context: await load(db, input, customer) };
  };

/** The notices that name nothing but what their input says. */
export const loadCustomerOnly = afterCustomer(async (_db, _input: NoticeInput, customer) => ({ customer }));

/** The bill and its customer in one statement (a join). */
export async function loadIssuedBill(db: Database, input: NotifyBillIssuedInput) {
  const found = await db.bill.findUnique({
    where: { billCode: input.billCode },
    include: { customer: { select: CUSTOMER_SELECT } },
  });
  if (found?.customerId !== input.customerId) {
    throw notFound(`bill ${input.billCode} of customer ${input.customerId} does not exist`);
  }
  const { customer, ...bill } = found;
  return { customer, context: { customer, bill } };
}

/** The customer with the name of the package subscribed and the active ONT: one statement. */
export async function loadPackageAndOnt(db: Database, input: NoticeInput) {
  const { customer, packageName, devices } = await customerWithPackage(db, input.customerId, true);
  return { customer, context: { customer, packageName, ont: devices[0] ?? null } };
}

/** The customer with the name of the package subscribed: one statement. */
export async function loadPackage(db: Database, input: NoticeInput) {
  const { customer, packageName } = await customerWithPackage(db, input.customerId);
  return { customer, context: { customer, packageName } };
}

/** The package kept after the visit was cancelled (read apart from the customer). */
export const loadSubscribedPackage = afterCustomer(async (db, _input: NoticeInput, customer) => ({
  customer,
  packageName: await subscribedPackageName(db, customer.id),
}));

/** The upgrade's target, the package kept and the bill voided with it (if one was issued). */
export const loadCancelledUpgrade = afterCustomer(
  async (db, input: NotifyUpgradeCancelledInput, customer) => {
    const [request, bill, currentPackageName] = await Promise.all([
      db.upgradeRequest.findUnique({ where: { id: input.upgradeId } }),
      input.voidedBillCode ? db.bill.findUnique({ where: { billCode: input.voidedBillCode } }) : null,
      subscribedPackageName(db, customer.id),
    ]);
    const target = request && (await db.package.findUnique({ where: { code: request.targetPackageCode } }));
    if (!target) throw notFound(`upgrade ${input.upgradeId} does not exist`);
    return { customer, bill, targetPackageName: target.name, currentPackageName };
  },
);

export const loadBill = afterCustomer(billOf);

/** The bill and the payment the gateway reported for it. */
export const loadPayment = afterCustomer(async (db, input: NotifyPaymentReceivedInput, customer) => {
  const { bill } = await billOf(db, input, customer);
  const payment = await db.payment.findUnique({ where: { reference: input.transactionId } });
  if (payment?.billCode !== bill.billCode) throw notFound(`payment ${input.transactionId} does not exist`);
  return { customer, bill, payment };
});

/** The customer with the name of the package subscribed (and, asked, some devices): one statement. */
async function customerWithPackage(db: Database, customerId: string, withActiveOnt = false) {
  const found = await db.customer.findUnique({
    where: { id: customerId },
    select: {
      ...CUSTOMER_SELECT,
      subscription: { select: { package: { select: { name: true } } } },
      devices: {
        where: { status: 'ACTIVE' },
        orderBy: { installedAt: 'desc' },
        take: withActiveOnt ? 1 : 0,
        select: { serial: true, model: true },
      },
    },
  });
  if (!found) throw notFound(`customer ${customerId} does not exist`);
  const { subscription, devices: rows, ...customer } = found;
  if (!subscription) throw notFound(`customer ${customerId} has no subscription`);
  return { customer, packageName: subscription.package.name, devices: rows };
}

async function subscribedPackageName(db: Database, customerId: string): Promise<string> {
  const subscription = await db.subscription.findUnique({
    where: { customerId },
    select: { package: { select: { name: true } } },
  });
  if (!subscription) throw notFound(`customer ${customerId} has no subscription`);
  return subscription.package.name;
}

async function billOf(db: Database, input: BillNoticeInput, customer: Customer) {
  const bill = await db.bill.findUnique({ where: { billCode: input.billCode } });
  if (bill?.customerId !== customer.id) {
    throw notFound(`bill ${input.billCode} of customer ${input.customerId} does not exist`);
  }
  return { customer, bill };
}
