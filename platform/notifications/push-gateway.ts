/**
 * Device push behind one interface. The local gateway records what it would send in `PushOutbox`,
 * once per idempotency key; a real provider (FCM/APNs) would implement the same interface.
 */
import type { Database } from '../database';
import { KEEP_EXISTING } from '../once';

export interface PushMessage {
  /** Same key, same push: a retry never notifies the device twice. */
  idempotencyKey: string;
  customerId: string;
  title: string;
  body: string;
  /** Where the app opens when the notice is tapped, e.g. `oxygenid://bills/202511712857`. */
  deepLink?: string;
}

export interface PushGateway {
  readonly name: string;
  send(message: PushMessage): Promise<{ providerMessageId: string }>;
}

export class LocalPushGateway implements PushGateway {
  readonly name = 'local';

  constructor(private readonly db: Database) {}

  async send(message: PushMessage): Promise<{ providerMessageId: string }> {
    const { idempotencyKey } = message;
    const row = await this.db.pushOutbox.upsert({
      where: { idempotencyKey },
      create: {
        idempotencyKey,
        customerId: message.customerId,
        title: message.title,
        body: message.body,
        deepLink: message.deepLink ?? null,
      },
      ...KEEP_EXISTING(idempotencyKey),
      select: { id: true },
    });
    return { providerMessageId: String(row.id) };
  }
}

export function createPushGateway(db: Database): PushGateway {
  return new LocalPushGateway(db);
}
