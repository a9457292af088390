/**
 * Development tools the web app uses on a laptop, absent in production (404): the sign-in page's
 * list of seeded customers, a token for one of them (until the identity provider signs people in),
 * and the "pay" button, which has the local Midtrans stand-in pay the bill's pending attempt (its
 * signed notification comes back to this API), exactly as `npm run pay` does. (The local email outbox: api/routes/notifications.ts.)
 */
import { DevSignInBody } from '../../contracts/requests';
import type { AppConfig } from '../../platform/config';
import { notFound } from '../../platform/http/problem';
import { devCustomers, devSignIn, payPendingAttempt } from '../../services/development';
import { assertMayRead } from '../access';
import { ok, operationsOf, problem } from '../operation';

const operation = operationsOf('Developer');

const ABSENT_IN_PRODUCTION = problem('production: development tools do not exist there');

function refuseInProduction(config: AppConfig, what: string): void {
  if (config.env === 'production') throw notFound(`${what} is not available in production`);
}

export const DEVELOPER = [
  operation({
    operationId: 'listDevCustomers',
    route: 'GET /v1/dev/customers',
    summary: 'The seeded customers, for the development sign-in page',
    description: 'Public, because it is what signing in starts from. Not served in production (404).',
    access: 'public',
    responses: { 200: ok('the customers', 'DevCustomerList'), 404: ABSENT_IN_PRODUCTION },
    handler: async (_input, { db, config }) => {
      refuseInProduction(config, 'the development sign-in');
      return devCustomers(db);
    },
  }),
  operation({
    operationId: 'devSignIn',
    route: 'POST /v1/dev/sign-in',
    summary: 'A token for a customer, technician, CS agent or operator (development sign-in)',
    description:
      'What the identity provider will answer after a real sign-in: a bearer token for the role and subject asked for. A customer must exist. Not served in production (404).',
    access: 'public',
    body: {
      name: 'DevSignInRequest',
      schema: DevSignInBody,
      example: { role: 'customer', subject: '21314849' },
    },
    responses: {
      200: ok('signed in', 'DevSession'),
      404: problem('no such customer; or production, where the development sign-in does not exist'),
    },
    handler: async ({ body }, { db, config }) => {
      refuseInProduction(config, 'the development sign-in');
      return devSignIn(db, body, config.auth.development?.issuer);
    },
  }),
  operation({
    operationId: 'payBillInDevelopment',
    route: 'POST /v1/dev/bills/{billCode}/pay',
    summary: 'Pay a bill’s pending attempt at the Midtrans stand-in (development)',
    description:
      'Has the local Midtrans stand-in pay the bill’s pending VA or QRIS as Midtrans’s sandbox simulator would, as `npm run pay` does: it sends Midtrans’s signed notification to this API. Not served in production, nor when MIDTRANS_API_BASE_URL points at a real Midtrans (404).',
    access: 'resource-read',
    responses: {
      200: ok('recorded now, or recorded before', 'PaymentRecorded'),
      404: problem('no such bill (or another customer’s); or production, or no stand-in'),
      409: problem('the bill has no pending payment attempt'),
      502: problem('the notification was refused'),
    },
    handler: async ({ params: { billCode }, res }, { db, config }) => {
      refuseInProduction(config, 'the development payment');
      if (config.payments.midtrans.standInPort === null)
        throw notFound(
          'the development payment needs the local Midtrans stand-in (no MIDTRANS_API_BASE_URL)',
        );
      const bill = await db.bill.findUnique({ where: { billCode }, select: { customerId: true } });
      if (!bill) throw notFound(`bill ${billCode} does not exist`);
      assertMayRead(res, bill.customerId, `bill ${billCode}`);
      return payPendingAttempt(db, config.payments.midtrans.baseUrl, billCode);
    },
  }),
];
