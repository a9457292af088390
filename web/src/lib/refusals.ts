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
