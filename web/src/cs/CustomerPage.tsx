import type { ReactNode } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { useProfile } from './queries';

/** A tab of the customer page: where it is (relative to the customer's page), its name, its screen. */
export type CustomerTab = { to: string; label: string; element: ReactNode };

export function useCustomerIdParam(): string {
  return useParams().customerId ?? '';
}

/** The customer as the Billing App heads them (name, ID, type, address, contact), then the tabs. */
export function CustomerPage({ tabs }: { tabs: readonly CustomerTab[] }) {
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
          <Facts
            className="cs-header"
            rows={[
              [
                'Customer Type',
                <span key="type" className="cs-tag">
                  {profile.data.customerType}
                </span>,
              ],
              ['Telepon', profile.data.phone],
              ['Email', profile.data.email],
              ['Alamat', profile.data.address],
              ['Paket', profile.data.subscription?.package.name ?? '—'],
            ]}
          />
          <nav className="cs-tabs" aria-label="Tab pelanggan">
            {tabs.map((tab) => (
              <NavLink key={tab.label} to={tab.to} end={tab.to === ''} className="cs-tab">
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
