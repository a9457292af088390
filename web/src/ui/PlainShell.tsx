import type { ReactNode } from 'react';
import { Brand } from './Brand';

/** The frame of a screen outside any area (the sign-in's return, a tab of another role): the brand bar and the page. */
export function PlainShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <Brand />
      </header>
      <main className="main">{children}</main>
    </div>
  );
}
