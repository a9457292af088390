/** What the API's refusals mean, said to the customer in Bahasa Indonesia (never raw JSON). */
import { REFUSALS } from '../../../contracts/refusals';
import type { components } from '../api/schema';

type Problem = components['schemas']['Problem'];
type Reason = NonNullable<Problem['reason']>;

/** Each reason's sentence, from the one table of refusals (contracts/refusals.ts). */
export const REASON_WORDS: Record<Reason, string> = Object.fromEntries(
  Object.entries(REFUSALS).map(([code, refusal]) => [code, refusal.words]),
) as Record<keyof typeof REFUSALS, string> satisfies Record<Reason, string>;

const STATUS_WORDS: Record<number, string> = {
  400: 'Permintaan tidak valid.',
  401: 'Sesi kamu sudah berakhir. Silakan masuk lagi.',
  403: 'Kamu tidak memiliki akses ke halaman ini.',
  404: 'Data yang kamu cari tidak ditemukan.',
  409: 'Permintaan bertabrakan dengan proses lain. Coba lagi sebentar lagi.',
  422: 'Permintaan tidak dapat diproses.',
  429: 'Terlalu banyak permintaan. Tunggu sekitar satu menit, lalu coba lagi.',
  503: 'Layanan sedang sibuk. Coba lagi sebentar lagi.',
};

/** A sentence for the refusal: by its reason when it has one, else by its status. */
export function refusalInWords(status: number, problem?: Pick<Problem, 'reason'> | null): string {
  const reason = problem?.reason;
  if (reason && reason in REASON_WORDS) return REASON_WORDS[reason];
  if (status >= 500 && status !== 503) return 'Terjadi gangguan pada sistem kami. Coba lagi sebentar lagi.';
  if (status === 0) return 'Tidak dapat terhubung. Periksa koneksi internetmu, lalu coba lagi.';
  return STATUS_WORDS[status] ?? 'Permintaan tidak dapat diproses.';
}

/**
 * The technician app's sentences, where the customer's would say the wrong thing to a technician
 * (the customer's words stand for every other reason).
 */
export const TECHNICIAN_REASON_WORDS: Partial<Record<Reason, string>> = {
  UNKNOWN_WORK_ORDER: 'Work order ini tidak ditemukan, atau bukan milik vendor Anda.',
  NOT_MAINTENANCE: 'Work order ini bukan work order maintenance (penggantian ONT).',
  WORK_ORDER_CLOSED: 'Work order ini sudah selesai atau dibatalkan: tidak ada lagi yang bisa dilaporkan.',
  NOT_DUAL_BAND: 'Paket baru pelanggan membutuhkan ONT Dual Band. Pasang ONT Dual Band lalu laporkan lagi.',
  ONT_ALREADY_REGISTERED: 'Nomor seri ONT itu sudah terdaftar untuk pelanggan lain. Periksa nomor serinya.',
  BEFORE_VISIT:
    'Kunjungan dijadwalkan untuk hari lain. Jika ONT memang sudah diganti lebih awal, centang “Diganti sebelum hari kunjungan” lalu kirim lagi.',
  NOT_AWAITING_VISIT: 'Work order ini tidak menunggu kunjungan: penggantian sudah selesai atau dibatalkan.',
  NO_VISIT_BOOKED: 'Belum ada kunjungan yang dijadwalkan untuk dilaporkan. Jadwalkan kunjungan dulu.',
  TOO_LATE_TO_MOVE: 'Kunjungan ini sudah terlalu dekat untuk dipindahkan.',
};

const TECHNICIAN_STATUS_WORDS: Record<number, string> = {
  403: 'Akun ini tidak memiliki akses teknisi, atau tidak terdaftar pada vendor pemasang.',
  404: 'Work order ini tidak ditemukan, atau bukan milik vendor Anda.',
};

/** The technician's sentence for a refusal: theirs where it differs, else the customer's. */
export function technicianRefusalInWords(status: number, problem?: Pick<Problem, 'reason'> | null): string {
  const reason = problem?.reason;
  if (reason && reason in TECHNICIAN_REASON_WORDS) return TECHNICIAN_REASON_WORDS[reason]!;
  if (!reason && TECHNICIAN_STATUS_WORDS[status]) return TECHNICIAN_STATUS_WORDS[status];
  return refusalInWords(status, problem);
}
