import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { auth } from '../auth';

/**
 * An app's frame: the top bar (its way home, who is signed in, "Keluar"), then the screen. The
 * console's (`desktop`) has classes of its own; `above` and `below` stand around the screen.
 */
export function Shell({
  home,
  name,
  desktop = false,
  above,
  below,
}: {
  home: ReactNode;
  name: string;
  desktop?: boolean;
  above?: ReactNode;
  below?: ReactNode;
}) {
  return (
    <div className={desktop ? 'cs-shell' : 'shell'}>
      <header className={desktop ? 'topbar cs-topbar' : 'topbar'}>
        {home}
        <span className="topbar-name">{name}</span>
        <button type="button" className="link-button" onClick={() => auth.signOut()}>
          Keluar
        </button>
      </header>
      {above}
      <main className={desktop ? 'cs-main' : 'main'} id="main">
        <Outlet />
      </main>
      {below}
    </div>
  );
}
