import { Link } from 'react-router';
import { Card, Loaded, Page } from '../ui/Page';
import { PackageSummary } from './PackageSummary';
import { useUpgradeOptions } from './queries';

/** View List Package ("Daftar Paket"): only the eligible targets, in the API's order (speed, then term). */
export function PackagesPage() {
  return (
    <Page title="Daftar Paket" back={{ to: '/', label: 'Beranda' }}>
      <Loaded query={useUpgradeOptions()}>
        {(options) => (
          <>
            <p>
              Paketmu sekarang: <strong>{options.current.name}</strong>. Yang ditampilkan hanya paket dengan
              kecepatan lebih tinggi dan masa langganan minimal sama.
            </p>
            {options.options.length === 0 ? (
              <Card title="Belum ada paket upgrade">
                <p>
                  Paketmu sudah yang tertinggi untuk masa langganannya. Tidak ada paket yang bisa dipilih saat
                  ini.
                </p>
              </Card>
            ) : (
              <ul className="package-list">
                {options.options.map((pkg) => (
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
        )}
      </Loaded>
    </Page>
  );
}
