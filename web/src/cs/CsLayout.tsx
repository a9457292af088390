import { Link, Outlet } from 'react-router';
import { auth, useSession } from '../auth';
import { Brand } from '../ui/Brand';

/** The console's frame (desktop, the Billing App's): brand bar with the agent, then the screen. */
export function CsLayout() {
  const session = useSession();
  return (
    <div className="cs-shell">
      <header className="topbar cs-topbar">
        <Brand />
        <Link className="cs-home" to="/cs">
          Customer Service
        </Link>
        <span className="topbar-name">{session?.subject ?? ''}</span>
        <button type="button" className="link-button" onClick={() => auth.signOut()}>
          Keluar
        </button>
      </header>
      <main className="cs-main" id="main">
        <Outlet />
      </main>
    </div>
  );
}
