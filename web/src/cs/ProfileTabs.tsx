import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { ErrorNotice, Facts, Loading } from '../ui/Page';
import { CsTable } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useProfile } from './queries';

/** Package: the active package, and every change of it. */
export function PackageTab() {
  const profile = useProfile(useCustomerIdParam());
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorNotice error={profile.error} />;
  const { subscription, packageHistory } = profile.data;
  return (
    <section aria-label="Package">
      <h2>Package</h2>
      {subscription ? (
        <CsTable
          columns={['Package', 'Type Package', 'Speed', 'Masa langganan', 'Periode', 'Harga', 'Status']}
          items={[subscription]}
          rowKey={(s) => s.package.code}
          cells={(s) => [
            s.package.name,
            'INTERNET',
            `${s.package.speedMbps} Mbps`,
            `${s.package.termMonths} bulan`,
            `${formatBillingAppDate(s.period.start)} s/d ${formatBillingAppDate(s.period.end)}`,
            formatRupiah(s.package.priceIdr),
            s.status,
          ]}
        />
      ) : (
        <p>Pelanggan belum memiliki langganan.</p>
      )}
      <h3>History</h3>
      <CsTable
        empty="Belum ada perubahan paket."
        columns={['Tanggal', 'Dari', 'Ke', 'Periode baru', 'Upgrade']}
        items={packageHistory}
        rowKey={(change) => change.changedAt + change.toPackageCode}
        cells={(change) => [
          formatCrmInstant(change.changedAt),
          change.fromPackageName,
          change.toPackageName,
          `${formatBillingAppDate(change.period.start)} s/d ${formatBillingAppDate(change.period.end)}`,
          change.upgradeId ?? '—',
        ]}
      />
    </section>
  );
}

/** Device: every ONT, the active one first. */
export function DeviceTab() {
  const profile = useProfile(useCustomerIdParam());
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorNotice error={profile.error} />;
  const p = profile.data;
  return (
    <section aria-label="Device">
      <h2>Device</h2>
      <Facts
        rows={[
          ['Homepass Code / ID', `${p.homepassCode} / ${p.homepassId}`],
          ['FAT Code', p.fatCode],
          ['FAT Port', String(p.fatPort)],
          ['Bill Cycle', String(p.billCycle)],
        ]}
      />
      <CsTable
        columns={['Serial', 'Model', 'Band', 'Status', 'Dipasang', 'Diganti', 'Diganti dengan']}
        items={p.devices}
        rowKey={(d) => d.serial}
        cells={(d) => [
          d.serial,
          d.model,
          d.band === 'DUAL' ? 'Dual Band' : 'Single Band',
          d.status,
          formatCrmInstant(d.installedAt),
          formatCrmInstant(d.replacedAt),
          d.replacedBySerial ?? '—',
        ]}
      />
    </section>
  );
}
