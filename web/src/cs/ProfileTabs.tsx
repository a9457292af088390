import type { Schemas } from '../api/client';
import { formatBillingAppDate, formatRupiah } from '../lib/format';
import { Facts } from '../ui/Page';
import { CsTab } from './CsTab';
import { type CsList, CsTable } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useProfile } from './queries';

type Profile = Schemas['CsCustomerProfile'];

const SUBSCRIPTION: CsList<NonNullable<Profile['subscription']>> = {
  columns: {
    Package: (s) => s.package.name,
    'Type Package': () => 'INTERNET',
    Speed: (s) => `${s.package.speedMbps} Mbps`,
    'Masa langganan': (s) => `${s.package.termMonths} bulan`,
    Periode: (s) => `${formatBillingAppDate(s.period.start)} s/d ${formatBillingAppDate(s.period.end)}`,
    Harga: (s) => formatRupiah(s.package.priceIdr),
    Status: (s) => s.status,
  },
  rowKey: (s) => s.package.code,
};

const PACKAGE_CHANGES: CsList<Profile['packageHistory'][number]> = {
  columns: {
    Tanggal: (change) => formatCrmInstant(change.changedAt),
    Dari: (change) => change.fromPackageName,
    Ke: (change) => change.toPackageName,
    'Periode baru': (change) =>
      `${formatBillingAppDate(change.period.start)} s/d ${formatBillingAppDate(change.period.end)}`,
    Upgrade: (change) => change.upgradeId ?? '—',
  },
  rowKey: (change) => change.changedAt + change.toPackageCode,
  empty: 'Belum ada perubahan paket.',
};

const DEVICES: CsList<Profile['devices'][number]> = {
  columns: {
    Serial: (d) => d.serial,
    Model: (d) => d.model,
    Band: (d) => (d.band === 'DUAL' ? 'Dual Band' : 'Single Band'),
    Status: (d) => d.status,
    Dipasang: (d) => formatCrmInstant(d.installedAt),
    Diganti: (d) => formatCrmInstant(d.replacedAt),
    'Diganti dengan': (d) => d.replacedBySerial ?? '—',
  },
  rowKey: (d) => d.serial,
};

/** Package: the active package, and every change of it. */
export function PackageTab() {
  return (
    <CsTab query={useProfile(useCustomerIdParam())} label="Package">
      {({ subscription, packageHistory }) => (
        <>
          {subscription ? (
            <CsTable items={[subscription]} label="Paket aktif" {...SUBSCRIPTION} />
          ) : (
            <p>Pelanggan belum memiliki langganan.</p>
          )}
          <h3>History</h3>
          <CsTable items={packageHistory} label="Riwayat paket" {...PACKAGE_CHANGES} />
        </>
      )}
    </CsTab>
  );
}

/** Device: every ONT, the active one first. */
export function DeviceTab() {
  return (
    <CsTab query={useProfile(useCustomerIdParam())} label="Device">
      {(p) => (
        <>
          <Facts
            rows={[
              ['Homepass Code / ID', `${p.homepassCode} / ${p.homepassId}`],
              ['FAT Code', p.fatCode],
              ['FAT Port', String(p.fatPort)],
              ['Bill Cycle', String(p.billCycle)],
            ]}
          />
          <CsTable items={p.devices} label="Perangkat ONT" {...DEVICES} />
        </>
      )}
    </CsTab>
  );
}
