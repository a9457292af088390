/**
 * How to pay each method, channel by channel, in the words an Indonesian bank app uses: what the
 * payment screen lists under the number. `{code}` is the VA number (or Mandiri's bill key).
 */
import type { Schemas } from '../api/client';

/** The gateway's methods, as the API's OpenAPI document says them. */
export type PayMethod = Schemas['PaymentAttemptView']['method'];

export interface Channel {
  name: string;
  steps: string[];
}

const CHECK = 'Periksa nama Oxygen.id dan jumlah tagihan, lalu konfirmasi pembayaran.';
const VA = 'nomor Virtual Account';
const BRIVA = 'nomor BRIVA';
const MANDIRI_CODE = 'kode bayar';

/** A bank's ATM: card and PIN, its menu, the number, then the check. */
const atm = (bank: string, menu: string, number = VA): Channel => ({
  name: 'ATM',
  steps: [`Masukkan kartu ATM ${bank} dan PIN.`, `Pilih ${menu}.`, `Masukkan ${number} {code}.`, CHECK],
});

/** A bank's app or internet banking: signed in, its menu, the number, then the check and how it authorises. */
const app = (
  name: string,
  menu: string,
  authorise: string,
  { number = VA, signIn = `Masuk ke ${name}.` } = {},
): Channel => ({
  name,
  steps: [signIn, `Pilih ${menu}.`, `Masukkan ${number} {code}.`, `${CHECK} ${authorise}`],
});

export const PAYMENT_STEPS: Record<PayMethod, Channel[]> = {
  VA_BCA: [
    atm('BCA', 'Transaksi Lainnya › Transfer › ke Rekening BCA Virtual Account'),
    app('m-BCA (BCA mobile)', 'm-Transfer › BCA Virtual Account', 'Masukkan PIN m-BCA.', {
      signIn: 'Buka BCA mobile, pilih m-BCA dan masukkan kode akses.',
    }),
    app('KlikBCA', 'Transfer Dana › Transfer ke BCA Virtual Account', 'Masukkan respons KeyBCA.', {
      signIn: 'Masuk ke KlikBCA Individual.',
    }),
  ],
  VA_BNI: [
    atm('BNI', 'Menu Lain › Transfer › Virtual Account Billing'),
    app('BNI Mobile Banking', 'Transfer › Virtual Account Billing', 'Masukkan password transaksi.'),
    app('BNI Internet Banking', 'Transfer › Virtual Account Billing', 'Masukkan kode otentikasi.'),
  ],
  VA_BRI: [
    atm('BRI', 'Transaksi Lain › Pembayaran › Lainnya › BRIVA', BRIVA),
    app('BRImo', 'Pembayaran › BRIVA', 'Masukkan PIN.', { number: BRIVA }),
    app('Internet Banking BRI', 'Pembayaran › BRIVA', 'Masukkan password dan mToken.', { number: BRIVA }),
  ],
  VA_PERMATA: [
    atm('Permata', 'Transaksi Lainnya › Pembayaran › Pembayaran Lainnya › Virtual Account'),
    app('PermataMobile X', 'Bayar Tagihan › Virtual Account', 'Masukkan kode OTP.'),
    app('PermataNet', 'Pembayaran › Pembayaran Tagihan › Virtual Account', 'Masukkan kode OTP.'),
  ],
  VA_MANDIRI: [
    {
      // Mandiri Bill at the ATM: the company code first, each entry confirmed with "Benar".
      name: 'ATM',
      steps: [
        'Masukkan kartu ATM Mandiri dan PIN.',
        'Pilih Bayar/Beli › Lainnya › Multi Payment.',
        'Masukkan kode perusahaan 70012 (Midtrans), lalu Benar.',
        'Masukkan kode bayar {code}, lalu Benar.',
        CHECK,
      ],
    },
    app("Livin' by Mandiri", 'Bayar › cari penyedia jasa Midtrans (70012)', 'Masukkan PIN.', {
      number: MANDIRI_CODE,
    }),
    app(
      'Mandiri Internet Banking',
      'Bayar › Multi Payment › penyedia jasa Midtrans (70012)',
      'Masukkan token.',
      {
        number: MANDIRI_CODE,
      },
    ),
  ],
  QRIS: [
    {
      name: 'Aplikasi e-wallet',
      steps: [
        'Buka GoPay, OVO, DANA, ShopeePay, LinkAja atau e-wallet lain yang mendukung QRIS.',
        'Pilih Bayar/Scan, lalu pindai kode QR di layar ini.',
        CHECK,
      ],
    },
    {
      name: 'M-banking',
      steps: [
        'Buka aplikasi m-banking yang mendukung QRIS (BCA mobile, Livin’ by Mandiri, BRImo, BNI Mobile…).',
        'Pilih QRIS, lalu pindai kode QR di layar ini.',
        `${CHECK} Masukkan PIN.`,
      ],
    },
    {
      name: 'Dari ponsel ini',
      steps: [
        'Simpan tangkapan layar kode QR.',
        'Di aplikasi pembayaran, pilih Scan › unggah dari galeri.',
        CHECK,
      ],
    },
  ],
};
