/**
 * The development sign-in: the seeded customers, one button each. The API serves the list and
 * the token only outside production; there the identity provider's sign-in takes this page's place.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client';
import { Brand } from '../ui/Brand';
import { ErrorNotice, Loading, Page } from '../ui/Page';
import { devAuth } from './dev-sign-in';

export function SignInPage() {
  const navigate = useNavigate();
  const customers = useQuery({
    queryKey: ['dev-customers'],
    queryFn: () => must(api.GET('/v1/dev/customers')),
    retry: false,
  });
  const signIn = useMutation({
    mutationFn: (customerId: string) =>
      must(api.POST('/v1/dev/sign-in', { body: { role: 'customer', subject: customerId } })),
    onSuccess: (session) => {
      const returnTo = devAuth.accept(session);
      navigate(returnTo.replace(/^\/app/, '') || '/', { replace: true });
    },
  });
  return (
    <div className="shell">
      <header className="topbar">
        <Brand />
      </header>
      <main className="main">
        <Page title="Masuk ke Selfcare">
          <p>Mode pengembangan: pilih pelanggan untuk masuk sebagai dia.</p>
          {customers.isPending ? <Loading /> : null}
          {customers.isError ? <ErrorNotice error={customers.error} /> : null}
          {signIn.isError ? <ErrorNotice error={signIn.error} /> : null}
          <ul className="customer-list">
            {customers.data?.customers.map((c) => (
              <li key={c.customerId}>
                <button
                  type="button"
                  className="customer-button"
                  disabled={signIn.isPending}
                  onClick={() => signIn.mutate(c.customerId)}
                >
                  <span className="customer-name">{c.name}</span>
                  <span className="small">
                    {c.customerId}
                    {c.customerType === 'VIP' ? ' · VIP' : ''}
                    {c.packageName ? ` · ${c.packageName}` : ''}
                    {c.ontBand ? ` · ONT ${c.ontBand === 'DUAL' ? 'Dual' : 'Single'} Band` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Page>
      </main>
    </div>
  );
}
