/**
 * Sends one notice on each of its channels, each exactly once: one `Notification` row per channel,
 * keyed `${scope}:${kind}:${channel}`; a channel whose row is already delivered is skipped, and the
 * transports dedupe on the same key, so an activity retried (or run twice) reaches the customer once.
 */
import { ApplicationFailure } from '@temporalio/common';
import { type NoticeKind, notificationKey } from '../../contracts/notifications';
import { EmailPropsError, type EmailPropsMap, renderEmail } from '../../emails/render';
import type { Database } from '../../platform/database';
import { whileHeartbeating } from '../../platform/heartbeat';
import { type NotificationChannel, Prisma } from '../../prisma/generated/client';
import { invalidState } from '../errors';
import type { NoticeInput, NotificationDeliverySummary, NotificationDependencies } from './inputs';
import type { NoticeSpec } from './notices';

interface NotificationState {
  id: number;
  channel: NotificationChannel;
  deliveredAt: Date | null;
}

/** Sends notice `kind` on each of its channels, each exactly once, heartbeating meanwhile. */
export function deliverNotice<I extends NoticeInput, C, K extends keyof EmailPropsMap>(
  deps: NotificationDependencies,
  kind: NoticeKind,
  spec: NoticeSpec<I, C, K>,
  input: I,
): Promise<NotificationDeliverySummary> {
  return whileHeartbeating(() => deliverOnEachChannel(deps, kind, spec, input));
}

async function deliverOnEachChannel<I extends NoticeInput, C, K extends keyof EmailPropsMap>(
  deps: NotificationDependencies,
  kind: NoticeKind,
  spec: NoticeSpec<I, C, K>,
  input: I,
): Promise<NotificationDeliverySummary> {
  const { db } = deps;
  const { customer, context } = await spec.load(db, input);
  const message = {
    customerId: customer.id,
    title: spec.title,
    body: spec.body(context, input),
    deepLink: spec.deepLink(input, context),
  };
  const summary: NotificationDeliverySummary = { delivered: [], skipped: [] };
  const scope = input.keyScope ?? input.upgradeId;
  if (!scope) throw invalidState(`${kind}: a notice needs an upgrade or a key scope`);
  const email = spec.email;
  const channels: Array<{
    channel: NotificationChannel;
    send?: (idempotencyKey: string) => Promise<{ providerMessageId: string }>;
  }> = [
    { channel: 'INBOX' },
    { channel: 'PUSH', send: (idempotencyKey) => deps.push.send({ idempotencyKey, ...message }) },
    ...(email
      ? [
          {
            channel: 'EMAIL' as const,
            send: async (idempotencyKey: string) =>
              deps.email.send({
                idempotencyKey,
                customerId: customer.id,
                from: deps.emailFrom,
                to: customer.email,
                ...(await render(email.kind, await email.props(context, input, deps))),
              }),
          },
        ]
      : []),
  ];
  const keyOf = (channel: NotificationChannel) => notificationKey(scope, kind, channel, input.occurrence);
  // Every channel's row in one INSERT; the inbox row is the inbox delivery, written delivered, the
  // others are delivered once their provider took the message. Rows an earlier attempt wrote are
  // not returned by the INSERT: they are read back (a retry only).
  const attemptAt = new Date();
  const values = channels.map(
    ({ channel, send }) =>
      Prisma.sql`(${keyOf(channel)}, ${customer.id}, ${input.upgradeId}, ${kind}, ${channel}::"NotificationChannel",
        ${message.title}, ${message.body}, ${message.deepLink}, ${attemptAt}, ${send ? null : attemptAt})`,
  );
  const created = await db.$queryRaw<NotificationState[]>`
    INSERT INTO "Notification" ("idempotencyKey", "customerId", "upgradeId", "kind", "channel",
      "title", "body", "deepLink", "createdAt", "deliveredAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id", "channel"::text AS "channel", "deliveredAt"`;
  const select = { id: true, channel: true, deliveredAt: true } as const;
  const earlier =
    created.length < channels.length
      ? await db.notification.findMany({
          where: { idempotencyKey: { in: channels.map(({ channel }) => keyOf(channel)) } },
          select,
        })
      : [];
  const delivered: Array<{ id: number; providerId: string | null }> = [];
  try {
    for (const { channel, send } of channels) {
      const writtenNow = created.find((row) => row.channel === channel);
      const row = writtenNow ?? earlier.find((r) => r.channel === channel);
      if (!row) throw invalidState(`${kind}: the ${channel} notification row is missing`);
      if (row.deliveredAt) {
        (writtenNow ? summary.delivered : summary.skipped).push(channel);
        continue;
      }
      try {
        // An inbox row an attempt that died left undelivered is delivered now; it has no provider.
        const providerId = send ? (await send(keyOf(channel))).providerMessageId : null;
        delivered.push({ id: row.id, providerId });
      } catch (error) {
        // A refusal for good (e.g. Resend rejects the address) is kept on the row for operators.
        if (error instanceof ApplicationFailure && error.nonRetryable) {
          await db.notification.update({
            where: { id: row.id },
            data: { failedAt: new Date(), failureReason: `${error.type}: ${error.message}` },
          });
          const { message, type } = error;
          throw ApplicationFailure.create({
            message,
            type: type ?? undefined,
            nonRetryable: true,
            details: [{ channel }],
          });
        }
        throw error;
      }
      summary.delivered.push(channel);
    }
  } finally {
    // What the providers took is marked delivered, in one statement, whatever failed after it.
    await markDelivered(db, delivered);
  }
  return summary;
}

async function markDelivered(db: Database, rows: Array<{ id: number; providerId: string | null }>) {
  if (rows.length === 0) return;
  const values = Prisma.join(rows.map(({ id, providerId }) => Prisma.sql`(${id}::int, ${providerId}::text)`));
  await db.$executeRaw`
    UPDATE "Notification" AS n
    SET "deliveredAt" = ${new Date()}, "providerId" = v.provider, "failedAt" = NULL, "failureReason" = NULL
    FROM (VALUES ${values}) AS v(id, provider)
    WHERE n.id = v.id`;
}

/** Props that cannot make a correct email fail for good: retrying renders the same thing. */
async function render<K extends keyof EmailPropsMap>(kind: K, props: EmailPropsMap[K]) {
  try {
    return await renderEmail(kind, props);
  } catch (error) {
    if (error instanceof EmailPropsError)
      throw ApplicationFailure.nonRetryable(error.message, 'EmailPropsInvalid');
    throw error;
  }
}
