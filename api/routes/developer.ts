/**
 * Development tools the web app uses on a laptop, absent in production (404): the sign-in page's
 * list of seeded customers, a token for one of them (until the identity provider signs people in),
 * and the "pay" button, which posts the payment gateway's signed notification to this same API,
 * exactly as `npm run pay` does. (The local email outbox: api/routes/notifications.ts.)
 */
import type { Response } from 'express';
import { DevPayBody, DevSignInBody } from '../../contracts/requests';
import type { AppConfig } from '../../platform/config';
import { originOf } from '../../platform/http/listen';
import { notFound } from '../../platform/http/problem';
import { devCustomers, devSignIn, payInFull } from '../../services/development';
import { assertMayRead } from '../access';
import { ok, operationsOf, problem } from '../operation';

const operation = operationsOf('Developer');

const ABSENT_IN_PRODUCTION = problem('production: development tools do not exist there');

function refuseInProduction(config: AppConfig, what: string): void {
  if (config.env === 'production') throw notFound(`${what} is not available in production`);
}

/** This server's own address as the request reached it: the notification goes to no other host. */
const ownApiUrl = ({ req: { socket } }: Response) =>
  originOf(socket.localAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1', socket.localPort ?? 0);

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
    summary: 'A token for a customer, technician or operator (development sign-in)',
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
    summary: 'Pay a bill in full, as the payment gateway would (development)',
    description:
      'Posts the gateway’s signed notification for the bill’s whole total to this API’s `POST /v1/payments/notifications`, as `npm run pay` does, and answers what the gateway got. Not served in production (404).',
    access: 'resource-read',
    body: { name: 'DevPayRequest', schema: DevPayBody, example: { method: 'VA_BCA' } },
    responses: {
      200: ok('recorded now, or recorded before', 'PaymentRecorded'),
      404: problem('no such bill (or another customer’s); or production'),
      409: problem('the bill is already paid (BILL_PAID) or voided (BILL_VOID)'),
      503: problem('recorded, but the receipt could not be queued: pay again'),
    },
    handler: async ({ params: { billCode }, body, res }, { db, config }) => {
      refuseInProduction(config, 'the development payment');
      const bill = await db.bill.findUnique({ where: { billCode }, select: { customerId: true } });
      if (!bill) throw notFound(`bill ${billCode} does not exist`);
      assertMayRead(res, bill.customerId, `bill ${billCode}`);
      return payInFull(db, config.payments.webhookSecret, ownApiUrl(res), billCode, body.method);
    },
  }),
];
