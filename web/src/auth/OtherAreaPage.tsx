/**
 * A tab signed in as someone of another role than the area it opened (the provider's session is
 * one per browser: a technician's tab opened beside a customer's comes back as the customer).
 * Says so in words and offers the sign-in page, rather than sending the tab round again.
 */

import { Page } from '../ui/Page';
import { PlainShell } from '../ui/PlainShell';
import type { Role, Session } from './session';

interface Area {
  who: string;
  area: string;
  home: string;
}

/** The area of the web apps each role opens; operations (`operator`) has none (the ops views, the Temporal Web UI). */
export const AREAS: Record<Role, Area | null> = {
  customer: { who: 'pelanggan', area: 'aplikasi Selfcare pelanggan', home: '/app/' },
  technician: { who: 'teknisi', area: 'aplikasi teknisi', home: '/app/technician' },
  cs: { who: 'petugas customer service', area: 'konsol customer service', home: '/app/cs' },
  operator: null,
};

/** The area of a role that has one (the pages of RequireSession are for those only). */
export function areaOf(role: Role): Area {
  const area = AREAS[role];
  if (!area) throw new Error(`the role ${role} has no area in the web apps`);
  return area;
}

export function OtherAreaPage({
  session,
  needs,
  onSignIn,
}: {
  session: Session;
  needs: Role;
  onSignIn: () => void;
}) {
  const mine = areaOf(session.role);
  const wanted = areaOf(needs);
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
