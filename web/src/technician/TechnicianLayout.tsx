import { Link, Outlet } from 'react-router';
import { auth, useSession } from '../auth';
import { Brand } from '../ui/Brand';

/** The technician app's frame: brand bar with who is signed in, the screen. */
export function TechnicianLayout() {
  const session = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/technician" className="topbar-home">
          <Brand />
          <span className="visually-hidden"> – jadwal kunjungan</span>
        </Link>
        <span className="topbar-name">Teknisi · {session?.subject ?? ''}</span>
        <button type="button" className="link-button" onClick={() => auth.signOut()}>
          Keluar
        </button>
      </header>
      <main className="main" id="main">
        <Outlet />
      </main>
    </div>
  );
}
