/**
 * A tab signed in as someone of another role than the area it opened (the provider's session is
 * one per browser: a technician's tab opened beside a customer's comes back as the customer).
 * Says so in words and offers the sign-in page, rather than sending the tab round again.
 */

import { Page } from '../ui/Page';
import { PlainShell } from '../ui/PlainShell';
import type { Role, Session } from './session';

const AREAS: Record<Role, { who: string; area: string; home: string }> = {
  customer: { who: 'pelanggan', area: 'aplikasi Selfcare pelanggan', home: '/app/' },
  technician: { who: 'teknisi', area: 'aplikasi teknisi', home: '/app/technician' },
  operator: { who: 'petugas customer service', area: 'konsol customer service', home: '/app/cs' },
};

export function OtherAreaPage({
  session,
  needs,
  onSignIn,
}: {
  session: Session;
  needs: Role;
  onSignIn: () => void;
}) {
  const mine = AREAS[session.role];
  const wanted = AREAS[needs];
  return (
    <PlainShell>
      <Page title={`Halaman ini untuk ${wanted.who}`}>
        <p>
          Di tab ini kamu masuk sebagai {mine.who} ({session.subject}). Halaman ini bagian dari {wanted.area},
          jadi perlu masuk sebagai {wanted.who}. Tab lain yang sudah masuk tetap seperti semula.
        </p>
        <button type="button" className="button" onClick={onSignIn}>
          Masuk sebagai {wanted.who}
        </button>
        <a className="button button-secondary" href={mine.home}>
          Kembali ke {mine.area}
        </a>
      </Page>
    </PlainShell>
  );
}
