/**
 * Every refusal of the system, in one table: its code (the problem's `reason`), its HTTP status,
 * what it means (the OpenAPI document's words) and the sentence a customer reads, in Bahasa
 * Indonesia. The API answers a thrown `Refused` from this table (platform/http/problem.ts), the document's
 * `reason` enum and the routes' answer descriptions come from it (api/operation.ts `refusals`),
 * the web app says its `words` (web/src/lib/refusals.ts), and the workflow refuses a visit
 * booking with an ApplicationFailure whose type is one of these codes.
 *
 * Plain data, no import: the workflow bundle and the web app take it as it is.
 */

/** The refusals answered with one HTTP status: each says what it `means` and the customer's `words`. */
const answeredWith =
  <S extends 404 | 409 | 422 | 429>(status: S) =>
  (means: string, words: string) => ({ status, means, words });
const notFound = answeredWith(404);
const conflict = answeredWith(409);
const unprocessable = answeredWith(422);
const tooManyRequests = answeredWith(429);

export const REFUSALS = {
  UNKNOWN_CUSTOMER: notFound('no such customer', 'Data pelanggan tidak ditemukan.'),
  UNKNOWN_BILL: notFound('no such bill', 'Tagihan tidak ditemukan.'),
  NO_SUBSCRIPTION: notFound('the customer has no subscription to show', 'Kamu belum memiliki langganan.'),
  UNKNOWN_WORK_ORDER: notFound('no such work order', 'Work order tidak ditemukan.'),
  UNKNOWN_NOTICE: notFound(
    'no such notice (for a customer: not in their inbox)',
    'Pemberitahuan tidak ditemukan.',
  ),
  UNKNOWN_UPGRADE: notFound('no such upgrade', 'Upgrade tidak ditemukan.'),
  UNKNOWN_TICKET: notFound('no such ticket', 'Tiket tidak ditemukan.'),
  UNKNOWN_ORDER: notFound('no payment attempt has this gateway order ID', 'Pembayaran ini tidak ditemukan.'),
  METHOD_NOT_OFFERED: unprocessable(
    'this payment method is not offered (PAYMENT_METHODS)',
    'Metode pembayaran ini belum tersedia. Pilih metode lain.',
  ),
  SEARCH_TOO_SHORT: unprocessable(
    'a customer search needs at least 3 letters or digits (`%` and `_` are plain characters, not wildcards), or an exact customer ID, phone, bill code, ticket or WO number',
    'Ketik minimal 3 huruf atau angka, atau nomor pelanggan, nomor telepon, kode tagihan, nomor tiket atau nomor WO yang lengkap.',
  ),
  UNKNOWN_PACKAGE: unprocessable(
    'the target package is not in the catalog',
    'Paket ini tidak ada di katalog.',
  ),
  NO_ACTIVE_SUBSCRIPTION: unprocessable(
    'the customer has no active subscription',
    'Kamu belum memiliki langganan aktif.',
  ),
  NOT_ELIGIBLE: unprocessable(
    'the target is not an upgrade: faster, with a term at least as long',
    'Paket ini bukan upgrade dari paketmu: kecepatannya harus lebih tinggi dan masa langganannya minimal sama.',
  ),
  IDEMPOTENCY_KEY_REUSED: unprocessable(
    'the Idempotency-Key was used for another target (package, action or subject)',
    'Konfirmasi ini sudah dipakai untuk paket lain. Muat ulang halaman lalu coba lagi.',
  ),
  UPGRADE_IN_PROGRESS: conflict(
    'another upgrade of this customer is in flight (its `upgradeId` given)',
    'Masih ada upgrade lain yang sedang diproses. Tunggu sampai selesai sebelum upgrade lagi.',
  ),
  NOT_MAINTENANCE: conflict(
    'not a maintenance work order: no ONT swap, no visit',
    'Work order ini bukan penggantian ONT.',
  ),
  WORK_ORDER_CLOSED: conflict(
    'the work order is closed, or its upgrade no longer runs',
    'Penggantian ONT ini sudah selesai atau dibatalkan.',
  ),
  NOT_DUAL_BAND: unprocessable('the new ONT is not dual band', 'ONT pengganti harus Dual Band.'),
  ONT_ALREADY_REGISTERED: conflict(
    'the new ONT is registered to another upgrade',
    'Nomor seri ONT itu sudah terdaftar.',
  ),
  BEFORE_VISIT: conflict(
    'a visit is booked for a later day and the report does not say "early": true',
    'Penggantian dilaporkan sebelum hari kunjungan.',
  ),
  SLOT_FULL: conflict('the slot has no free place left', 'Slot itu sudah penuh. Pilih slot lain.'),
  NOT_AWAITING_VISIT: conflict(
    'the work order is not waiting for a visit (closed, swapped, or no visit booked yet to move)',
    'Tidak ada kunjungan yang bisa diubah: teknisi belum menjadwalkan, atau penggantian sudah selesai.',
  ),
  NO_VISIT_BOOKED: conflict('no visit is booked to report on', 'Belum ada kunjungan yang dijadwalkan.'),
  VISIT_NOT_STARTED: conflict(
    'the visit booked has not started yet: it can be reported missed once its slot has begun',
    'Kunjungan belum dimulai. Kunjungan gagal baru bisa dilaporkan setelah slotnya dimulai.',
  ),
  NOT_A_DATE: unprocessable('not a calendar date', 'Tanggal itu tidak valid.'),
  NOT_A_SLOT: unprocessable(
    'not one of the visit slots',
    'Slot itu tidak tersedia. Pilih salah satu slot yang ada.',
  ),
  NOT_A_WORKING_DAY: unprocessable(
    'a Sunday: visits are Monday to Saturday',
    'Teknisi tidak berkunjung pada hari Minggu. Pilih Senin sampai Sabtu.',
  ),
  IN_THE_PAST: unprocessable('the slot has already started', 'Waktu itu sudah lewat. Pilih slot lain.'),
  TOO_LATE_TO_MOVE: unprocessable(
    'too close to move (VISIT_MOVE_LEAD_HOURS before the visit booked and the new one)',
    'Kunjungan sudah terlalu dekat untuk dipindah; jadwal hanya bisa diubah sebelum batas waktunya.',
  ),
  BILL_PAID: conflict('the bill is already paid', 'Tagihan ini sudah lunas.'),
  BILL_VOID: conflict('the bill was voided', 'Tagihan ini sudah dibatalkan.'),
  AMOUNT_MISMATCH: unprocessable(
    'the amount is not the bill’s total',
    'Jumlah pembayaran tidak sama dengan total tagihan.',
  ),
  TRANSACTION_REUSED: conflict(
    'the transaction ID was recorded for another bill or amount',
    'Transaksi ini sudah tercatat untuk tagihan lain.',
  ),
  NOT_IN_FLIGHT: conflict(
    'the upgrade has ended already: nothing left to cancel',
    'Upgrade ini sudah selesai atau sudah berakhir, jadi tidak bisa dibatalkan lagi.',
  ),
  ALREADY_DELIVERED: conflict(
    'the notice was delivered: it is never sent twice',
    'Notifikasi ini sudah terkirim; notifikasi tidak dikirim dua kali.',
  ),
  NO_EMAIL_COPY: conflict(
    'no copy of the email was kept to send again',
    'Salinan email ini tidak tersimpan, jadi tidak bisa dikirim ulang.',
  ),
  RATE_LIMITED: tooManyRequests(
    'too many requests of this kind in the window (per customer, staff account or source IP); try again after `Retry-After` seconds',
    'Terlalu banyak permintaan. Tunggu sekitar satu menit, lalu coba lagi.',
  ),
};

export type RefusalCode = keyof typeof REFUSALS;
export const REFUSAL_CODES = Object.keys(REFUSALS) as [RefusalCode, ...RefusalCode[]];

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === 'string' && Object.hasOwn(REFUSALS, value);
}

/**
 * A refusal, thrown where it is decided (services, the workflow's answer read by services) and
 * answered by the API as a problem with this code as its `reason` (platform/http/problem.ts).
 */
export class Refused<C extends RefusalCode = RefusalCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Extra members of the problem body (e.g. the `upgradeId` of an upgrade in flight). */
    readonly extra: { upgradeId?: string | null } = {},
  ) {
    super(message);
    this.name = 'Refused';
  }
}

/** Not done now, nothing kept: Temporal did not take it. Answered 503 (try again) and logged. */
export class Unavailable extends Error {
  constructor(message: string, options?: { cause?: unknown; context?: Record<string, unknown> }) {
    super(message, { cause: options?.cause });
    this.name = 'Unavailable';
    this.context = options?.context ?? {};
  }
  readonly context: Record<string, unknown>;
}
