import { NavLink, Outlet, useParams } from 'react-router';
import { ErrorNotice, Loading, Page } from '../ui/Page';
import { useProfile } from './queries';

/** The Billing App's tabs, each a screen of its own URL. */
const TABS = [
  { to: '', label: 'Package', end: true },
  { to: 'device', label: 'Device' },
  { to: 'billing', label: 'Billing' },
  { to: 'payment', label: 'Payment' },
  { to: 'ticket', label: 'Ticket' },
  { to: 'wo', label: 'WO' },
  { to: 'notices', label: 'Notifikasi' },
  { to: 'upgrade', label: 'Upgrade' },
  { to: 'audit', label: 'Audit' },
];

export function useCustomerIdParam(): string {
  return useParams().customerId ?? '';
}

/** The customer as the Billing App heads them (name, ID, type, address, contact), then the tabs. */
export function CustomerPage() {
  const customerId = useCustomerIdParam();
  const profile = useProfile(customerId);
  return (
    <Page
      title={profile.data ? `${profile.data.name} [#${customerId}]` : `Pelanggan ${customerId}`}
      back={{ to: '/cs', label: 'Cari pelanggan' }}
    >
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <ErrorNotice error={profile.error} /> : null}
      {profile.data ? (
        <>
          <dl className="cs-header">
            <div>
              <dt>Customer Type</dt>
              <dd>
                <span className="cs-tag">{profile.data.customerType}</span>
              </dd>
            </div>
            <div>
              <dt>Telepon</dt>
              <dd>{profile.data.phone}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{profile.data.email}</dd>
            </div>
            <div>
              <dt>Alamat</dt>
              <dd>{profile.data.address}</dd>
            </div>
            <div>
              <dt>Paket</dt>
              <dd>{profile.data.subscription?.package.name ?? '—'}</dd>
            </div>
          </dl>
          <nav className="cs-tabs" aria-label="Tab pelanggan">
            {TABS.map((tab) => (
              <NavLink key={tab.label} to={tab.to} end={tab.end} className="cs-tab">
                {tab.label}
              </NavLink>
            ))}
          </nav>
          <div className="cs-panel">
            <Outlet />
          </div>
        </>
      ) : null}
    </Page>
  );
}
