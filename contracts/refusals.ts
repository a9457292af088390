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
export const REFUSALS = {
  UNKNOWN_CUSTOMER: {
    status: 404,
    means: 'no such customer',
    words: 'Data pelanggan tidak ditemukan.',
  },
  UNKNOWN_BILL: { status: 404, means: 'no such bill', words: 'Tagihan tidak ditemukan.' },
  NO_SUBSCRIPTION: {
    status: 404,
    means: 'the customer has no subscription to show',
    words: 'Kamu belum memiliki langganan.',
  },
  UNKNOWN_WORK_ORDER: {
    status: 404,
    means: 'no such work order',
    words: 'Work order tidak ditemukan.',
  },
  UNKNOWN_NOTICE: {
    status: 404,
    means: 'no such notice (for a customer: not in their inbox)',
    words: 'Pemberitahuan tidak ditemukan.',
  },
  UNKNOWN_UPGRADE: { status: 404, means: 'no such upgrade', words: 'Upgrade tidak ditemukan.' },
  UNKNOWN_TICKET: { status: 404, means: 'no such ticket', words: 'Tiket tidak ditemukan.' },
  UNKNOWN_ORDER: {
    status: 404,
    means: 'no payment attempt has this gateway order ID',
    words: 'Pembayaran ini tidak ditemukan.',
  },
  METHOD_NOT_OFFERED: {
    status: 422,
    means: 'this payment method is not offered (PAYMENT_METHODS)',
    words: 'Metode pembayaran ini belum tersedia. Pilih metode lain.',
  },
  SEARCH_TOO_SHORT: {
    status: 422,
    means:
      'a customer search needs at least 3 letters or digits (`%` and `_` are plain characters, not wildcards), or an exact customer ID, phone, bill code, ticket or WO number',
    words:
      'Ketik minimal 3 huruf atau angka, atau nomor pelanggan, nomor telepon, kode tagihan, nomor tiket atau nomor WO yang lengkap.',
  },
  UNKNOWN_PACKAGE: {
    status: 422,
    means: 'the target package is not in the catalog',
    words: 'Paket ini tidak ada di katalog.',
  },
  NO_ACTIVE_SUBSCRIPTION: {
    status: 422,
    means: 'the customer has no active subscription',
    words: 'Kamu belum memiliki langganan aktif.',
  },
  NOT_ELIGIBLE: {
    status: 422,
    means: 'the target is not an upgrade: faster, with a term at least as long',
    words:
      'Paket ini bukan upgrade dari paketmu: kecepatannya harus lebih tinggi dan masa langganannya minimal sama.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    means: 'the Idempotency-Key was used for another target (package, action or subject)',
    words: 'Konfirmasi ini sudah dipakai untuk paket lain. Muat ulang halaman lalu coba lagi.',
  },
  UPGRADE_IN_PROGRESS: {
    status: 409,
    means: 'another upgrade of this customer is in flight (its `upgradeId` given)',
    words: 'Masih ada upgrade lain yang sedang diproses. Tunggu sampai selesai sebelum upgrade lagi.',
  },
  NOT_MAINTENANCE: {
    status: 409,
    means: 'not a maintenance work order: no ONT swap, no visit',
    words: 'Work order ini bukan penggantian ONT.',
  },
  WORK_ORDER_CLOSED: {
    status: 409,
    means: 'the work order is closed, or its upgrade no longer runs',
    words: 'Penggantian ONT ini sudah selesai atau dibatalkan.',
  },
  NOT_DUAL_BAND: {
    status: 422,
    means: 'the new ONT is not dual band',
    words: 'ONT pengganti harus Dual Band.',
  },
  ONT_ALREADY_REGISTERED: {
    status: 409,
    means: 'the new ONT is registered to another upgrade',
    words: 'Nomor seri ONT itu sudah terdaftar.',
  },
  BEFORE_VISIT: {
    status: 409,
    means: 'a visit is booked for a later day and the report does not say "early": true',
    words: 'Penggantian dilaporkan sebelum hari kunjungan.',
  },
  SLOT_FULL: {
    status: 409,
    means: 'the slot has no free place left',
    words: 'Slot itu sudah penuh. Pilih slot lain.',
  },
  NOT_AWAITING_VISIT: {
    status: 409,
    means: 'the work order is not waiting for a visit (closed, swapped, or no visit booked yet to move)',
    words:
      'Tidak ada kunjungan yang bisa diubah: teknisi belum menjadwalkan, atau penggantian sudah selesai.',
  },
  NO_VISIT_BOOKED: {
    status: 409,
    means: 'no visit is booked to report on',
    words: 'Belum ada kunjungan yang dijadwalkan.',
  },
  VISIT_NOT_STARTED: {
    status: 409,
    means: 'the visit booked has not started yet: it can be reported missed once its slot has begun',
    words: 'Kunjungan belum dimulai. Kunjungan gagal baru bisa dilaporkan setelah slotnya dimulai.',
  },
  NOT_A_DATE: { status: 422, means: 'not a calendar date', words: 'Tanggal itu tidak valid.' },
  NOT_A_SLOT: {
    status: 422,
    means: 'not one of the visit slots',
    words: 'Slot itu tidak tersedia. Pilih salah satu slot yang ada.',
  },
  NOT_A_WORKING_DAY: {
    status: 422,
    means: 'a Sunday: visits are Monday to Saturday',
    words: 'Teknisi tidak berkunjung pada hari Minggu. Pilih Senin sampai Sabtu.',
  },
  IN_THE_PAST: {
    status: 422,
    means: 'the slot has already started',
    words: 'Waktu itu sudah lewat. Pilih slot lain.',
  },
  TOO_LATE_TO_MOVE: {
    status: 422,
    means: 'too close to move (VISIT_MOVE_LEAD_HOURS before the visit booked and the new one)',
    words: 'Kunjungan sudah terlalu dekat untuk dipindah; jadwal hanya bisa diubah sebelum batas waktunya.',
  },
  BILL_PAID: { status: 409, means: 'the bill is already paid', words: 'Tagihan ini sudah lunas.' },
  BILL_VOID: { status: 409, means: 'the bill was voided', words: 'Tagihan ini sudah dibatalkan.' },
  AMOUNT_MISMATCH: {
    status: 422,
    means: 'the amount is not the bill’s total',
    words: 'Jumlah pembayaran tidak sama dengan total tagihan.',
  },
  TRANSACTION_REUSED: {
    status: 409,
    means: 'the transaction ID was recorded for another bill or amount',
    words: 'Transaksi ini sudah tercatat untuk tagihan lain.',
  },
  NOT_IN_FLIGHT: {
    status: 409,
    means: 'the upgrade has ended already: nothing left to cancel',
    words: 'Upgrade ini sudah selesai atau sudah berakhir, jadi tidak bisa dibatalkan lagi.',
  },
  ALREADY_DELIVERED: {
    status: 409,
    means: 'the notice was delivered: it is never sent twice',
    words: 'Notifikasi ini sudah terkirim; notifikasi tidak dikirim dua kali.',
  },
  NO_EMAIL_COPY: {
    status: 409,
    means: 'no copy of the email was kept to send again',
    words: 'Salinan email ini tidak tersimpan, jadi tidak bisa dikirim ulang.',
  },
  RATE_LIMITED: {
    status: 429,
    means:
      'too many requests of this kind in the window (per customer, staff account or source IP); try again after `Retry-After` seconds',
    words: 'Terlalu banyak permintaan. Tunggu sekitar satu menit, lalu coba lagi.',
  },
} as const satisfies Record<string, { status: 404 | 409 | 422 | 429; means: string; words: string }>;

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
