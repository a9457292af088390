import { Link, useParams } from 'react-router';
import { formatInstant } from '../lib/format';
import { STATUS_LABELS } from '../lib/steps';
import { Card, ErrorNotice, Facts, Loading, Page } from '../ui/Page';
import { useUpgrade } from './queries';
import { StepList } from './StepList';
import { VisitCard } from './VisitCard';

/** Upgrade progress: the steps as they happen (polled), bill, TT and WO numbers, the visit. */
export function UpgradeProgressPage() {
  const { upgradeId = '' } = useParams();
  const upgrade = useUpgrade(upgradeId);
  return (
    <Page title="Status Upgrade" back={{ to: '/', label: 'Beranda' }}>
      {upgrade.isPending ? <Loading /> : null}
      {upgrade.isError ? <ErrorNotice error={upgrade.error} /> : null}
      {upgrade.data ? (
        <>
          <Card>
            <p className="status-line" role="status">
              <strong>{STATUS_LABELS[upgrade.data.status]}</strong>
            </p>
            <Facts
              rows={[
                ['Diminta', formatInstant(upgrade.data.requestedAt)],
                [
                  'Nomor tagihan',
                  upgrade.data.billCode ? (
                    <Link key="bill" to={`/bills/${upgrade.data.billCode}`}>
                      {upgrade.data.billCode}
                    </Link>
                  ) : (
                    '—'
                  ),
                ],
                ['Tiket upgrade (TT)', upgrade.data.upgradeTicketNo ?? '—'],
                ['WO upgrade', upgrade.data.upgradeWorkOrderNo ?? '—'],
                upgrade.data.changeOntTicketNo !== null && [
                  'Tiket ganti ONT (TT)',
                  upgrade.data.changeOntTicketNo,
                ],
                upgrade.data.maintenanceWorkOrderNo !== null && [
                  'WO maintenance',
                  upgrade.data.maintenanceWorkOrderNo,
                ],
                upgrade.data.failureReason !== null && ['Keterangan', upgrade.data.failureReason],
              ]}
            />
          </Card>
          <VisitCard upgrade={upgrade.data} />
          <Card title="Langkah">
            <StepList upgrade={upgrade.data} />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
