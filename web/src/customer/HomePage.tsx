import { Link } from 'react-router';
import { bandLabel, formatLongDate, formatRupiahWithSymbol, formatTerm } from '../lib/format';
import { STATUS_LABELS } from '../lib/steps';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { useBills, useHome } from './queries';
import { StepList } from './StepList';

/** The deck's Home Page: the active package, the ONT, an upgrade in flight, the inbox, the unpaid bill. */
export function HomePage() {
  const home = useHome();
  const bills = useBills();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorNotice error={home.error} />;
  const {
    package: pkg,
    period,
    promo,
    device,
    pendingUpgrade,
    technicianVisit,
    unreadInbox,
    customerName,
  } = home.data;
  const unpaid = bills.data?.bills.find((b) => b.status === 'UNPAID');
  return (
    <Page title={`Halo, ${customerName}`}>
      {pkg && period ? (
        <Card title="Paket Aktif">
          <p className="package-name">{pkg.name}</p>
          <Facts
            rows={[
              ['Kecepatan', `${pkg.speedMbps} Mbps`],
              ['Masa langganan', formatTerm(pkg.termMonths)],
              ['Periode', `${formatLongDate(period.start)} – ${formatLongDate(period.end)}`],
              ['Harga', formatRupiahWithSymbol(pkg.priceIdr)],
              promo && ['Promo', `${promo.name}, berakhir ${formatLongDate(promo.endsOn)}`],
            ]}
          />
          {promo ? <p className="small">{promo.label}</p> : null}
          {pendingUpgrade ? null : (
            <Link className="button" to="/packages">
              Upgrade Paket
            </Link>
          )}
        </Card>
      ) : (
        <Card title="Paket Aktif">
          <p>Kamu belum memiliki langganan aktif.</p>
        </Card>
      )}
      {device ? (
        <Card title="Perangkat (ONT)">
          <Facts
            rows={[
              ['Model', device.model],
              ['Nomor seri', device.serial],
              ['Jenis', bandLabel(device.band)],
            ]}
          />
        </Card>
      ) : null}
      {pendingUpgrade ? (
        <Card title="Upgrade sedang berjalan" tone="info">
          <p>
            <strong>{STATUS_LABELS[pendingUpgrade.status]}</strong>
          </p>
          {technicianVisit ? <p>{technicianVisit.message}</p> : null}
          <StepList upgrade={pendingUpgrade} />
          <Link className="button button-secondary" to={`/upgrades/${pendingUpgrade.upgradeId}`}>
            Lihat detail upgrade
          </Link>
        </Card>
      ) : null}
      {unpaid ? (
        <Card title="Tagihan belum dibayar" tone="warning">
          <Facts
            rows={[
              ['Nomor tagihan', unpaid.billCode],
              ['Total', formatRupiahWithSymbol(unpaid.totalIdr)],
              ['Jatuh tempo', formatLongDate(unpaid.dueDate)],
            ]}
          />
          <Link className="button" to={`/bills/${unpaid.billCode}`}>
            Lihat tagihan
          </Link>
        </Card>
      ) : null}
      <Card title="Inbox">
        <p>{unreadInbox > 0 ? `${unreadInbox} notifikasi belum dibaca` : 'Tidak ada notifikasi baru'}</p>
        <Link to="/inbox">Buka inbox</Link>
      </Card>
    </Page>
  );
}
