/**
 * How to pay each method, channel by channel, in the words an Indonesian bank app uses: what the
 * payment screen lists under the number. `{code}` is the VA number (or Mandiri's bill key).
 */
export type PayMethod = 'VA_BCA' | 'VA_BNI' | 'VA_BRI' | 'VA_PERMATA' | 'VA_MANDIRI' | 'QRIS';

export interface Channel {
  name: string;
  steps: string[];
}

const va = (atm: string[], mobile: [string, string[]], web: [string, string[]]): Channel[] => [
  { name: 'ATM', steps: atm },
  { name: mobile[0], steps: mobile[1] },
  { name: web[0], steps: web[1] },
];

const CHECK = 'Periksa nama Oxygen.id dan jumlah tagihan, lalu konfirmasi pembayaran.';

export const PAYMENT_STEPS: Record<PayMethod, Channel[]> = {
  VA_BCA: va(
    [
      'Masukkan kartu ATM BCA dan PIN.',
      'Pilih Transaksi Lainnya › Transfer › ke Rekening BCA Virtual Account.',
      'Masukkan nomor Virtual Account {code}.',
      CHECK,
    ],
    [
      'm-BCA (BCA mobile)',
      [
        'Buka BCA mobile, pilih m-BCA dan masukkan kode akses.',
        'Pilih m-Transfer › BCA Virtual Account.',
        'Masukkan nomor Virtual Account {code}.',
        `${CHECK} Masukkan PIN m-BCA.`,
      ],
    ],
    [
      'KlikBCA',
      [
        'Masuk ke KlikBCA Individual.',
        'Pilih Transfer Dana › Transfer ke BCA Virtual Account.',
        'Masukkan nomor Virtual Account {code}.',
        `${CHECK} Masukkan respons KeyBCA.`,
      ],
    ],
  ),
  VA_BNI: va(
    [
      'Masukkan kartu ATM BNI dan PIN.',
      'Pilih Menu Lain › Transfer › Virtual Account Billing.',
      'Masukkan nomor Virtual Account {code}.',
      CHECK,
    ],
    [
      'BNI Mobile Banking',
      [
        'Masuk ke BNI Mobile Banking.',
        'Pilih Transfer › Virtual Account Billing.',
        'Masukkan nomor Virtual Account {code}.',
        `${CHECK} Masukkan password transaksi.`,
      ],
    ],
    [
      'BNI Internet Banking',
      [
        'Masuk ke BNI Internet Banking.',
        'Pilih Transfer › Virtual Account Billing.',
        'Masukkan nomor Virtual Account {code}.',
        `${CHECK} Masukkan kode otentikasi.`,
      ],
    ],
  ),
  VA_BRI: va(
    [
      'Masukkan kartu ATM BRI dan PIN.',
      'Pilih Transaksi Lain › Pembayaran › Lainnya › BRIVA.',
      'Masukkan nomor BRIVA {code}.',
      CHECK,
    ],
    [
      'BRImo',
      [
        'Masuk ke BRImo.',
        'Pilih Pembayaran › BRIVA.',
        'Masukkan nomor BRIVA {code}.',
        `${CHECK} Masukkan PIN.`,
      ],
    ],
    [
      'Internet Banking BRI',
      [
        'Masuk ke Internet Banking BRI.',
        'Pilih Pembayaran › BRIVA.',
        'Masukkan nomor BRIVA {code}.',
        `${CHECK} Masukkan password dan mToken.`,
      ],
    ],
  ),
  VA_PERMATA: va(
    [
      'Masukkan kartu ATM Permata dan PIN.',
      'Pilih Transaksi Lainnya › Pembayaran › Pembayaran Lainnya › Virtual Account.',
      'Masukkan nomor Virtual Account {code}.',
      CHECK,
    ],
    [
      'PermataMobile X',
      [
        'Masuk ke PermataMobile X.',
        'Pilih Bayar Tagihan › Virtual Account.',
        'Masukkan nomor Virtual Account {code}.',
        `${CHECK} Masukkan kode OTP.`,
      ],
    ],
    [
      'PermataNet',
      [
        'Masuk ke PermataNet.',
        'Pilih Pembayaran › Pembayaran Tagihan › Virtual Account.',
        'Masukkan nomor Virtual Account {code}.',
        `${CHECK} Masukkan kode OTP.`,
      ],
    ],
  ),
  VA_MANDIRI: va(
    [
      'Masukkan kartu ATM Mandiri dan PIN.',
      'Pilih Bayar/Beli › Lainnya › Multi Payment.',
      'Masukkan kode perusahaan 70012 (Midtrans), lalu Benar.',
      'Masukkan kode bayar {code}, lalu Benar.',
      CHECK,
    ],
    [
      "Livin' by Mandiri",
      [
        "Masuk ke Livin' by Mandiri.",
        'Pilih Bayar › cari penyedia jasa Midtrans (70012).',
        'Masukkan kode bayar {code}.',
        `${CHECK} Masukkan PIN.`,
      ],
    ],
    [
      'Mandiri Internet Banking',
      [
        'Masuk ke Mandiri Internet Banking.',
        'Pilih Bayar › Multi Payment › penyedia jasa Midtrans (70012).',
        'Masukkan kode bayar {code}.',
        `${CHECK} Masukkan token.`,
      ],
    ],
  ),
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
