import { Link } from 'react-router';
import { useSession } from '../auth';
import { Brand } from '../ui/Brand';
import { Shell } from '../ui/Shell';

/** The console's frame (desktop, the Billing App's): brand bar with the agent, then the screen. */
export function CsLayout() {
  const session = useSession();
  return (
    <Shell
      desktop
      home={
        <>
          <Brand />
          <Link className="cs-home" to="/cs">
            Customer Service
          </Link>
        </>
      }
      name={session?.subject ?? ''}
    />
  );
}
