/**
 * Signed in at the provider, but not as anyone the web apps serve: the provider grants no role of
 * ours (the API answers 403 at GET /v1/me), the API does not take the token (401), or the role has
 * no area here (operations). Says so in words, with the ways on: another account, or signing out.
 */

import { Page } from '../ui/Page';
import { PlainShell } from '../ui/PlainShell';
import type { Refusal, Session } from './session';

const WORDS: Record<Refusal | 'no-area', { title: string; text: string }> = {
  'no-role': {
    title: 'Akun ini belum punya akses ke Selfcare',
    text: 'Kamu sudah masuk, tetapi akun ini belum diberi peran di Oxygen.id Selfcare (pelanggan, teknisi, atau customer service). Minta admin akunmu memberi akses, lalu masuk lagi, atau masuk dengan akun lain.',
  },
  'not-accepted': {
    title: 'Akun ini belum bisa dipakai di Selfcare',
    text: 'Kamu sudah masuk, tetapi Selfcare tidak menerima akun dari layanan masuk ini. Coba masuk lagi; bila tetap begini, hubungi admin Oxygen.id.',
  },
  'no-area': {
    title: 'Akun ini bukan untuk aplikasi ini',
    text: 'Akun operasional (operator) memakai tampilan operasional, bukan aplikasi Selfcare, aplikasi teknisi, atau konsol customer service. Masuk dengan akun lain untuk membuka halaman ini.',
  },
};

export function NoAccessPage({
  refusal,
  session,
  onSignIn,
  onSignOut,
}: {
  refusal: Refusal | 'no-area';
  session?: Session;
  onSignIn: () => void;
  onSignOut: () => void;
}) {
  const { title, text } = WORDS[refusal];
  return (
    <PlainShell>
      <Page title={title}>
        <p role="alert">{text}</p>
        {session ? <p>Kamu masuk sebagai {session.displayName}.</p> : null}
        <button type="button" className="button" onClick={onSignIn}>
          Masuk dengan akun lain
        </button>
        <button type="button" className="button button-secondary" onClick={onSignOut}>
          Keluar
        </button>
      </Page>
    </PlainShell>
  );
}
