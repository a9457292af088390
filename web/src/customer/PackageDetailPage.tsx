import { Link, useParams } from 'react-router';
import type { Schemas } from '../api/client';
import { formatTerm } from '../lib/format';
import { promoInWords, termsClauses } from '../lib/labels';
import { Card, ErrorNotice, Loading, Page } from '../ui/Page';
import { PackageSummary } from './PackageSummary';
import { useHome, usePackage, useUpgradeOptions } from './queries';

type Package = Schemas['PackageView'];

/**
 * View Detail + S&K: the package, its promo (end and fallback, in words) and its terms as a
 * numbered list; "Upgrade ke paket ini" only where the upgrade is allowed, and otherwise why not
 * (it is her package already, an upgrade is under way, or it is not faster / its term is shorter).
 */
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
                <strong>{pkg.data.promo.name}</strong>
              </p>
              <p>{promoInWords(pkg.data.promo)}.</p>
            </Card>
          ) : null}
          <Card title="Syarat & Ketentuan">
            <ol className="terms">
              {termsClauses(pkg.data.termsAndConditions).map((clause) => (
                <li key={clause}>{clause}</li>
              ))}
            </ol>
          </Card>
          <UpgradeChoice pkg={pkg.data} />
        </>
      ) : null}
    </Page>
  );
}

/** The way to this package's upgrade, or why there is none. */
function UpgradeChoice({ pkg }: { pkg: Package }) {
  const home = useHome();
  const options = useUpgradeOptions();
  if (!home.data || !options.data) return null;
  const pending = home.data.pendingUpgrade;
  const current = home.data.package ?? options.data.current;
  if (pending) {
    const thisOne = pending.targetPackageCode === pkg.code;
    return (
      <Card
        title={thisOne ? 'Upgrade ke paket ini sedang diproses' : 'Masih ada upgrade yang diproses'}
        tone="info"
      >
        <p>
          {thisOne
            ? 'Paket ini akan jadi paketmu begitu upgrade-nya selesai.'
            : 'Upgrade berikutnya bisa dipilih setelah upgrade yang sedang berjalan selesai.'}
        </p>
        <Link className="button button-secondary" to={`/upgrades/${pending.upgradeId}`}>
          Lihat status upgrade
        </Link>
      </Card>
    );
  }
  if (current.code === pkg.code) {
    return (
      <Card title="Paket ini sudah jadi paketmu" tone="success">
        <p>Kamu sedang berlangganan {pkg.name}. Pilih paket lain di daftar paket untuk upgrade.</p>
      </Card>
    );
  }
  if (options.data.options.some((option) => option.code === pkg.code)) {
    return (
      <Link className="button" to={`/packages/${pkg.code}/upgrade`}>
        Upgrade ke paket ini
      </Link>
    );
  }
  return (
    <Card title="Paket ini bukan upgrade dari paketmu" tone="warning">
      <p>{whyNot(current, pkg)}</p>
      <Link to="/packages">Lihat paket yang bisa dipilih</Link>
    </Card>
  );
}

/** The eligibility rule (faster, and a term at least as long) this package breaks, in words. */
function whyNot(current: Package, pkg: Package): string {
  if (pkg.speedMbps <= current.speedMbps) {
    return `Kecepatannya (${pkg.speedMbps} Mbps) tidak lebih tinggi dari paketmu sekarang, ${current.name} (${current.speedMbps} Mbps).`;
  }
  if (pkg.termMonths < current.termMonths) {
    return `Masa langganannya (${formatTerm(pkg.termMonths)}) lebih pendek dari paketmu sekarang, ${current.name} (${formatTerm(current.termMonths)}).`;
  }
  return `Paket ini tidak tersedia sebagai upgrade dari ${current.name}.`;
}
