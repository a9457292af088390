import { Link } from 'react-router';
import { useSession } from '../auth';
import { Brand } from '../ui/Brand';
import { Shell } from '../ui/Shell';

/** The technician app's frame: brand bar with who is signed in (their name and vendor), the screen. */
export function TechnicianLayout() {
  const session = useSession();
  const who = session ? `${session.displayName}${session.vendor ? ` · ${session.vendor}` : ''}` : '';
  return (
    <Shell
      home={
        <Link to="/technician" className="topbar-home">
          <Brand />
          <span className="visually-hidden"> – jadwal kunjungan</span>
        </Link>
      }
      name={who}
    />
  );
}
