import { Link } from 'react-router';
import {
  bandLabel,
  formatLongDate,
  formatRupiahWithSymbol,
  formatTerm,
  VENDOR_CONTACT_WITHIN,
} from '../lib/format';
import { promoInWords } from '../lib/labels';
import { STATUS_LABELS } from '../lib/steps';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { useBills, useHome } from './queries';
import { StepList } from './StepList';

/**
 * The deck's Home Page. What needs the customer comes first (an unpaid bill, a technician's visit
 * to book), then the active package, the ONT, an upgrade in flight, the inbox.
 */
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
  // The ONT swap waits for a visit nobody has booked yet: she may book it herself.
  const toBook =
    pendingUpgrade &&
    technicianVisit &&
    !technicianVisit.appointment &&
    technicianVisit.status === 'REPLACING'
      ? pendingUpgrade.upgradeId
      : null;
  return (
    <Page title={`Halo, ${customerName}`}>
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
      {toBook ? (
        <Card title="Jadwalkan kunjungan teknisi" tone="warning">
          <p>
            ONT kamu perlu diganti untuk paket barumu. Pilih sendiri jadwal kunjungan teknisi, atau teknisi
            kami akan menghubungimu {VENDOR_CONTACT_WITHIN}.
          </p>
          <Link className="button" to={`/upgrades/${toBook}`}>
            Pilih jadwal kunjungan
          </Link>
        </Card>
      ) : null}
      {pkg && period ? (
        <Card title="Paket Aktif">
          <p className="package-name">{pkg.name}</p>
          <Facts
            rows={[
              ['Kecepatan', `${pkg.speedMbps} Mbps`],
              ['Masa langganan', formatTerm(pkg.termMonths)],
              ['Periode', `${formatLongDate(period.start)} – ${formatLongDate(period.end)}`],
              ['Harga', formatRupiahWithSymbol(pkg.priceIdr)],
              promo && ['Promo', promo.name],
            ]}
          />
          {promo ? <p className="small">{promoInWords(promo)}.</p> : null}
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
      <Card title="Inbox">
        <p>{unreadInbox > 0 ? `${unreadInbox} notifikasi belum dibaca` : 'Tidak ada notifikasi baru'}</p>
        <Link to="/inbox">Buka inbox</Link>
      </Card>
    </Page>
  );
}
