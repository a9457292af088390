import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, must } from '../api/client';
import { Card, ErrorNotice, Loading, Page } from '../ui/Page';
import { PackageSummary } from './PackageSummary';
import { useCustomerId } from './queries';

/** View List Package: only the eligible targets, in the API's order (speed, then term). */
export function PackagesPage() {
  const customerId = useCustomerId();
  const options = useQuery({
    queryKey: ['upgrade-options', customerId],
    queryFn: () =>
      must(api.GET('/v1/customers/{customerId}/upgrade-options', { params: { path: { customerId } } })),
  });
  return (
    <Page title="Pilih Paket Upgrade" back={{ to: '/', label: 'Beranda' }}>
      {options.isPending ? <Loading /> : null}
      {options.isError ? <ErrorNotice error={options.error} /> : null}
      {options.data ? (
        <>
          <p>
            Paketmu sekarang: <strong>{options.data.current.name}</strong>. Yang ditampilkan hanya paket
            dengan kecepatan lebih tinggi dan masa langganan minimal sama.
          </p>
          {options.data.options.length === 0 ? (
            <Card title="Belum ada paket upgrade">
              <p>
                Paketmu sudah yang tertinggi untuk masa langganannya. Tidak ada paket yang bisa dipilih saat
                ini.
              </p>
            </Card>
          ) : (
            <ul className="package-list">
              {options.data.options.map((pkg) => (
                <li key={pkg.code}>
                  <Link className="package-card" to={`/packages/${pkg.code}`}>
                    <span className="package-name">{pkg.name}</span>
                    <PackageSummary pkg={pkg} />
                    {pkg.promo ? <span className="tag">Promo: {pkg.promo.name}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Page>
  );
}
