import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { ErrorNotice, Facts, Loading } from '../ui/Page';
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
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">Type Package</th>
              <th scope="col">Speed</th>
              <th scope="col">Masa langganan</th>
              <th scope="col">Periode</th>
              <th scope="col">Harga</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{subscription.package.name}</td>
              <td>INTERNET</td>
              <td>{subscription.package.speedMbps} Mbps</td>
              <td>{subscription.package.termMonths} bulan</td>
              <td>
                {formatBillingAppDate(subscription.period.start)} s/d{' '}
                {formatBillingAppDate(subscription.period.end)}
              </td>
              <td>{formatRupiah(subscription.package.priceIdr)}</td>
              <td>{subscription.status}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p>Pelanggan belum memiliki langganan.</p>
      )}
      <h3>History</h3>
      {packageHistory.length === 0 ? (
        <p>Belum ada perubahan paket.</p>
      ) : (
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">Tanggal</th>
              <th scope="col">Dari</th>
              <th scope="col">Ke</th>
              <th scope="col">Periode baru</th>
              <th scope="col">Upgrade</th>
            </tr>
          </thead>
          <tbody>
            {packageHistory.map((change) => (
              <tr key={change.changedAt + change.toPackageCode}>
                <td>{formatCrmInstant(change.changedAt)}</td>
                <td>{change.fromPackageName}</td>
                <td>{change.toPackageName}</td>
                <td>
                  {formatBillingAppDate(change.period.start)} s/d {formatBillingAppDate(change.period.end)}
                </td>
                <td>{change.upgradeId ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
      <table className="cs-table">
        <thead>
          <tr>
            <th scope="col">Serial</th>
            <th scope="col">Model</th>
            <th scope="col">Band</th>
            <th scope="col">Status</th>
            <th scope="col">Dipasang</th>
            <th scope="col">Diganti</th>
            <th scope="col">Diganti dengan</th>
          </tr>
        </thead>
        <tbody>
          {p.devices.map((d) => (
            <tr key={d.serial}>
              <td>{d.serial}</td>
              <td>{d.model}</td>
              <td>{d.band === 'DUAL' ? 'Dual Band' : 'Single Band'}</td>
              <td>{d.status}</td>
              <td>{formatCrmInstant(d.installedAt)}</td>
              <td>{formatCrmInstant(d.replacedAt)}</td>
              <td>{d.replacedBySerial ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
