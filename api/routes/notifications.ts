/**
 * The customer's in-app inbox, and (outside production) the local email outbox for developers.
 */

import { DeviceNotificationsQuery, InboxQuery, OutboxQuery } from '../../contracts/requests';
import { notFound } from '../../platform/http/problem';
import { devicePushes, inbox, markRead, outbox } from '../../services/inbox';
import type { ApiDependencies } from '../dependencies';
import { mount, ok, operationsOf, problem } from '../operation';

const operation = operationsOf('Notifications');
const developer = operationsOf('Developer');

export const NOTIFICATIONS = [
  operation({
    operationId: 'getInbox',
    route: 'GET /v1/customers/{customerId}/inbox',
    summary: 'The in-app inbox',
    description: 'Newest first.',
    access: 'customer-read',
    query: InboxQuery,
    responses: { 200: ok('the inbox', 'Inbox') },
    handler: async ({ params: { customerId }, query }, { db }) => inbox(db, customerId, query.limit),
  }),
  operation({
    operationId: 'markInboxRead',
    route: 'POST /v1/customers/{customerId}/inbox/{notificationId}/read',
    summary: 'Mark an inbox notice read',
    description: 'Idempotent: reading it again keeps the first read time. Takes no body.',
    access: 'customer-act',
    responses: {
      200: ok('the notice, read', 'InboxItem'),
      404: problem('the customer does not exist or is another customer, or the notice is not in their inbox'),
    },
    handler: async ({ params: { customerId, notificationId } }, { db }) =>
      markRead(db, customerId, notificationId),
  }),
  operation({
    operationId: 'listDeviceNotifications',
    route: 'GET /v1/customers/{customerId}/device-notifications',
    summary: 'What was pushed to the customer’s devices',
    description:
      'The device pushes the push provider took, oldest first, after the ID `after`: the web app, which has no device token, polls it to show each push as a notification while it is open.',
    access: 'customer-read',
    query: DeviceNotificationsQuery,
    responses: { 200: ok('the pushes', 'DeviceNotifications') },
    handler: async ({ params: { customerId }, query }, { db }) => devicePushes(db, customerId, query),
  }),
  developer({
    operationId: 'getDevOutbox',
    route: 'GET /v1/dev/outbox',
    summary: 'What the local email transport “sent”',
    description: 'Newest first. Not served in production (404).',
    access: 'operator',
    query: OutboxQuery,
    responses: {
      200: ok('the messages', 'Outbox'),
      404: problem('production: the developer outbox does not exist there'),
    },
    handler: async ({ query }, { db, config }) => {
      if (config.env === 'production') throw notFound('the developer outbox is not available in production');
      return outbox(db, query);
    },
  }),
];

/** The notification routes alone, mounted under `/v1` (test/integration/notifications-api.test.ts). */
export const notificationsRouter = (deps: ApiDependencies) => mount(NOTIFICATIONS, deps, '/v1');
