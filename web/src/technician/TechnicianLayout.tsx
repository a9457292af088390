import { Link } from 'react-router';
import { useSession } from '../auth';
import { Brand } from '../ui/Brand';
import { Shell } from '../ui/Shell';

/** The technician app's frame: brand bar with who is signed in, the screen. */
export function TechnicianLayout() {
  const session = useSession();
  return (
    <Shell
      home={
        <Link to="/technician" className="topbar-home">
          <Brand />
          <span className="visually-hidden"> – jadwal kunjungan</span>
        </Link>
      }
      name={`Teknisi · ${session?.subject ?? ''}`}
    />
  );
}
