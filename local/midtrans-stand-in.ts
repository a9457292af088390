/**
 * A stand-in of Midtrans's Core API for `npm start` and the tests (Midtrans's sandbox is not
 * reachable from a laptop without keys, nor from CI): `POST /v2/charge` (bank_transfer VA for BCA,
 * BNI, BRI and Permata, Mandiri Bill `echannel`, QRIS), `GET /v2/{order_id}/status`,
 * `POST /v2/{order_id}/cancel`, HTTP Basic with the server key, answers shaped as Midtrans's. Its
 * simulator pays as the sandbox simulator does: `POST /simulator/pay` with a VA number, a bill key,
 * an order ID or a bill code (its newest pending order); then it sends Midtrans's signed HTTP
 * notification to `notificationUrl`, retrying a few times on an error as Midtrans does (unless
 * `drop_notification`, a lost one). `POST /simulator/expire` closes an order now. In memory only.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { notificationSignature, toMidtransTime } from '../platform/midtrans';

export interface StandInOrder {
  order_id: string;
  transaction_id: string;
  gross_amount: string;
  payment_type: 'bank_transfer' | 'echannel' | 'qris';
  bank?: string;
  va_number?: string;
  bill_key?: string;
  biller_code?: string;
  qr_string?: string;
  transaction_status: 'pending' | 'settlement' | 'expire' | 'cancel';
  transaction_time: string;
  settlement_time?: string;
  expiry_time: string;
  expiresAt: number;
}

export interface MidtransStandIn {
  url: string;
  orders: Map<string, StandInOrder>;
  /** Every notification sent, with the API's answer status (0: not reached). */
  sent: Array<{ body: Record<string, unknown>; status: number }>;
  setNotificationUrl(url: string): void;
  stop(): Promise<void>;
}

const STATUS_MESSAGES: Record<string, string> = {
  '200': 'Success, transaction is found',
  '201': 'Success, Bank Transfer transaction is created',
  '401': 'Access denied due to unauthorized transaction, please check client or server key',
  '404': "Transaction doesn't exist.",
  '406':
    'The request could not be completed due to a conflict with the current state of the target resource, please try again',
  '407': 'Success, transaction is expired',
  '412': 'Merchant cannot modify the status of the transaction',
};

function digits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}

/** A QRIS payload of the EMVCo shape (not payable anywhere but here). */
function qrisPayload(orderId: string, amount: number): string {
  const tag = (id: string, value: string) => `${id}${String(value.length).padStart(2, '0')}${value}`;
  return [
    tag('00', '01'),
    tag('01', '12'),
    tag('26', `${tag('00', 'COM.GO-JEK.WWW')}${tag('01', `93600914${digits(10)}`)}`),
    tag('52', '4899'),
    tag('53', '360'),
    tag('54', String(amount)),
    tag('58', 'ID'),
    tag('59', 'OXYGEN.ID'),
    tag('60', 'JAKARTA'),
    tag('62', tag('01', orderId.slice(0, 25))),
    '6304',
  ].join('');
}

export async function startMidtransStandIn(options: {
  serverKey: string;
  port?: number;
  host?: string;
  /** Where the signed notifications go (the API's `/v1/payments/midtrans/notification`). */
  notificationUrl?: string;
  /** Tries per notification (Midtrans retries on an error). */
  notificationTries?: number;
}): Promise<MidtransStandIn> {
  const orders = new Map<string, StandInOrder>();
  const sent: MidtransStandIn['sent'] = [];
  let notificationUrl = options.notificationUrl;
  const authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;
  const app = express();
  app.use(express.json());

  const answer = (res: Response, code: string, body: Record<string, unknown> = {}) =>
    res.status(Number(code)).json({ status_code: code, status_message: STATUS_MESSAGES[code], ...body });

  const authorized = (req: Request, res: Response) => {
    if (req.get('authorization') === authorization) return true;
    answer(res, '401');
    return false;
  };

  /** The order as now: a pending one past its expiry has expired. */
  const current = (order: StandInOrder): StandInOrder => {
    if (order.transaction_status === 'pending' && Date.now() >= order.expiresAt) {
      order.transaction_status = 'expire';
      void notify(order);
    }
    return order;
  };

  const statusCode = (order: StandInOrder) =>
    ({ pending: '201', settlement: '200', expire: '407', cancel: '200' })[order.transaction_status];

  const view = (order: StandInOrder) => {
    const { expiresAt: _e, bank, va_number, ...rest } = order;
    return {
      ...rest,
      currency: 'IDR',
      merchant_id: 'G000000000',
      fraud_status: 'accept',
      ...(order.payment_type === 'bank_transfer' && bank === 'permata'
        ? { permata_va_number: va_number }
        : order.payment_type === 'bank_transfer'
          ? { va_numbers: [{ bank, va_number }] }
          : {}),
      ...(order.payment_type === 'qris'
        ? {
            acquirer: 'gopay',
            actions: [
              {
                name: 'generate-qr-code',
                method: 'GET',
                url: `${standIn.url}/v2/qris/${order.transaction_id}/qr-code`,
              },
            ],
          }
        : {}),
    };
  };

  async function notify(order: StandInOrder, drop = false): Promise<void> {
    const status_code = statusCode(order);
    const body: Record<string, unknown> = {
      ...view(order),
      status_code,
      status_message: 'midtrans payment notification',
      signature_key: notificationSignature(
        { order_id: order.order_id, status_code, gross_amount: order.gross_amount },
        options.serverKey,
      ),
    };
    delete body.actions;
    if (drop || !notificationUrl) {
      sent.push({ body, status: 0 });
      return;
    }
    const tries = options.notificationTries ?? 3;
    let status = 0;
    for (let i = 0; i < tries; i++) {
      try {
        const reply = await fetch(notificationUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        status = reply.status;
        await reply.body?.cancel();
        if (status >= 200 && status < 300) break;
      } catch {
        status = 0;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * (i + 1)));
    }
    sent.push({ body, status });
  }

  app.post('/v2/charge', (req, res) => {
    if (!authorized(req, res)) return;
    // biome-ignore lint/suspicious/noExplicitAny: Midtrans's request, checked field by field below
    const body = req.body as Record<string, any>;
    const orderId = String(body?.transaction_details?.order_id ?? '');
    const gross = body?.transaction_details?.gross_amount;
    const type = body?.payment_type;
    if (
      !orderId ||
      !Number.isInteger(gross) ||
      gross < 1 ||
      !['bank_transfer', 'echannel', 'qris'].includes(type)
    )
      return answer(res, '400', {
        status_message: 'One or more parameters in the payload is invalid.',
        validation_messages: [
          'transaction_details.order_id, an integer gross_amount and a payment_type are required',
        ],
      });
    if (orders.has(orderId)) return answer(res, '406', { id: randomUUID() });
    const minutes =
      body.custom_expiry?.unit === 'minute'
        ? Number(body.custom_expiry.expiry_duration)
        : type === 'qris'
          ? 15
          : 24 * 60;
    const now = Date.now();
    const bank = type === 'bank_transfer' ? String(body.bank_transfer?.bank ?? '') : undefined;
    if (type === 'bank_transfer' && !['bca', 'bni', 'bri', 'permata'].includes(bank!))
      return answer(res, '400', { status_message: 'bank_transfer.bank is bca, bni, bri or permata' });
    const order: StandInOrder = {
      order_id: orderId,
      transaction_id: randomUUID(),
      gross_amount: `${gross}.00`,
      payment_type: type,
      transaction_status: 'pending',
      transaction_time: toMidtransTime(new Date(now)),
      expiry_time: toMidtransTime(new Date(now + minutes * 60_000)),
      expiresAt: now + minutes * 60_000,
      ...(type === 'bank_transfer'
        ? {
            bank,
            va_number:
              bank === 'bca'
                ? `12345${digits(6)}`
                : bank === 'bni'
                  ? `988${digits(13)}`
                  : bank === 'bri'
                    ? `88810${digits(10)}`
                    : `8778${digits(6)}`,
          }
        : {}),
      ...(type === 'echannel' ? { bill_key: digits(12), biller_code: '70012' } : {}),
      ...(type === 'qris' ? { qr_string: qrisPayload(orderId, gross) } : {}),
    };
    orders.set(orderId, order);
    res.status(201).json({
      ...view(order),
      status_code: '201',
      status_message: STATUS_MESSAGES['201'],
      fraud_status: 'accept',
    });
  });

  app.get('/v2/:orderId/status', (req, res) => {
    if (!authorized(req, res)) return;
    const order = orders.get(String(req.params.orderId));
    if (!order) return answer(res, '404');
    const now = current(order);
    res
      .status(200)
      .json({ ...view(now), status_code: statusCode(now), status_message: STATUS_MESSAGES[statusCode(now)] });
  });

  app.post('/v2/:orderId/cancel', (req, res) => {
    if (!authorized(req, res)) return;
    const order = orders.get(String(req.params.orderId));
    if (!order) return answer(res, '404');
    if (current(order).transaction_status !== 'pending') return answer(res, '412');
    order.transaction_status = 'cancel';
    void notify(order);
    res
      .status(200)
      .json({ ...view(order), status_code: '200', status_message: 'Success, transaction is canceled' });
  });

  /** The sandbox simulator: pay a VA number, a bill key, an order ID, or a bill code's newest pending order. */
  app.post('/simulator/pay', async (req, res) => {
    const code = String(req.body?.payment_code ?? '').trim();
    const pending = [...orders.values()].filter((o) => current(o).transaction_status === 'pending').reverse();
    const order =
      pending.find(
        (o) => o.va_number === code || o.bill_key === code || o.order_id === code || o.qr_string === code,
      ) ?? pending.find((o) => o.order_id.startsWith(`${code}-`));
    if (!order) return res.status(404).json({ message: `no pending order for ${code}` });
    order.transaction_status = 'settlement';
    order.settlement_time = toMidtransTime(new Date());
    // The answer waits for the notification (or its tries), so a script sees what the API did.
    await notify(order, req.body?.drop_notification === true);
    res.json({ order: view(order), notification: sent.at(-1) });
  });

  app.post('/simulator/expire', async (req, res) => {
    const order = orders.get(String(req.body?.order_id ?? ''));
    if (!order || current(order).transaction_status !== 'pending')
      return res.status(404).json({ message: 'no such pending order' });
    order.expiresAt = Date.now();
    order.transaction_status = 'expire';
    await notify(order, req.body?.drop_notification === true);
    res.json({ order: view(order), notification: sent.at(-1) });
  });

  app.get('/simulator/orders', (_req, res) => {
    res.json({ orders: [...orders.values()].map((o) => view(current(o))) });
  });

  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, host, () => resolve(listening));
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const standIn: MidtransStandIn = {
    url: `http://${host}:${port}`,
    orders,
    sent,
    setNotificationUrl: (url) => {
      notificationUrl = url;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
