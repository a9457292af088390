import { NavLink } from 'react-router';
import { Brand } from '../ui/Brand';
import { Shell } from '../ui/Shell';
import { PushNotices } from './PushNotices';
import { useHome } from './queries';

const TABS = [
  { to: '/', label: 'Beranda', end: true },
  { to: '/packages', label: 'Paket', end: false },
  { to: '/inbox', label: 'Inbox', end: false },
  { to: '/bills', label: 'Tagihan', end: false },
  { to: '/payments', label: 'Riwayat', end: false },
];

/** The Selfcare app's frame: brand bar, the screen, the tab bar; device pushes shown while open. */
export function CustomerLayout() {
  const home = useHome();
  const unread = home.data?.unreadInbox ?? 0;
  return (
    <Shell
      home={<Brand />}
      name={home.data?.customerName ?? ''}
      above={<PushNotices />}
      below={
        <nav className="tabbar bottom-bar" aria-label="Menu utama">
          {TABS.map((tab) => (
            <NavLink key={tab.to} to={tab.to} end={tab.end} className="tab">
              {tab.label}
              {tab.to === '/inbox' && unread > 0 ? (
                <span className="badge">
                  {unread}
                  <span className="visually-hidden"> belum dibaca</span>
                </span>
              ) : null}
            </NavLink>
          ))}
        </nav>
      }
    />
  );
}
