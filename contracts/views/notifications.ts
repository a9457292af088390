/** The customer’s inbox, and what the development email outbox and push device received. */
import { z } from 'zod';
import { CustomerId, JakartaInstant, UpgradeId } from './scalars';

export const InboxItem = z.strictObject({
  id: z.number().int().positive(),
  kind: z.string().describe('BILL_ISSUED, ONT_SWAP_SCHEDULED or ONT_SWAP_COMPLETED'),
  title: z.string(),
  body: z.string(),
  deepLink: z.string().nullable(),
  read: z.boolean(),
  readAt: JakartaInstant.nullable(),
  createdAt: JakartaInstant,
  upgradeId: UpgradeId.nullable(),
});

export const Inbox = z.strictObject({ notifications: z.array(InboxItem).describe('newest first') });

export const OutboxMessage = z.strictObject({
  id: z.number().int().positive(),
  customerId: CustomerId.nullable(),
  to: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  sentAt: JakartaInstant,
});

export const Outbox = z.strictObject({ messages: z.array(OutboxMessage).describe('newest first') });

export const DeviceNotification = z.strictObject({
  id: z.number().int().positive(),
  kind: z.string().describe('the notice, e.g. BILL_ISSUED'),
  title: z.string(),
  body: z.string(),
  deepLink: z
    .string()
    .nullable()
    .describe('where the app opens when it is tapped: oxygenid://bills/… or oxygenid://upgrades/…'),
  sentAt: JakartaInstant.describe('when the push provider took it'),
});

export const DeviceNotifications = z.strictObject({
  notifications: z.array(DeviceNotification).describe('oldest first, after the `after` ID'),
});
