import { Link, useParams } from 'react-router';
import { formatLongDate } from '../lib/format';
import { Card, ErrorNotice, Loading, Page } from '../ui/Page';
import { PackageSummary } from './PackageSummary';
import { usePackage } from './queries';

/** View Detail + S&K: the package, its promo (end and fallback) and its terms. */
export function PackageDetailPage() {
  const { code = '' } = useParams();
  const pkg = usePackage(code);
  return (
    <Page title={pkg.data?.name ?? 'Detail Paket'} back={{ to: '/packages', label: 'Daftar paket' }}>
      {pkg.isPending ? <Loading /> : null}
      {pkg.isError ? <ErrorNotice error={pkg.error} /> : null}
      {pkg.data ? (
        <>
          <Card>
            <PackageSummary pkg={pkg.data} />
          </Card>
          {pkg.data.promo ? (
            <Card title="Promo" tone="info">
              <p>
                <strong>{pkg.data.promo.name}</strong> berlaku sampai {formatLongDate(pkg.data.promo.endsOn)}.
              </p>
              <p className="small">{pkg.data.promo.label}</p>
            </Card>
          ) : null}
          <Card title="Syarat & Ketentuan">
            <ul className="terms">
              {pkg.data.termsAndConditions.map((clause) => (
                <li key={clause}>{clause}</li>
              ))}
            </ul>
          </Card>
          <Link className="button" to={`/packages/${pkg.data.code}/upgrade`}>
            Upgrade ke paket ini
          </Link>
        </>
      ) : null}
    </Page>
  );
}
