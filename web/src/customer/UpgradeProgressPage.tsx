import { Link, useParams } from 'react-router';
import { formatInstant } from '../lib/format';
import { STATUS_LABELS } from '../lib/steps';
import { Card, Facts, Loaded, Page } from '../ui/Page';
import { useUpgrade } from './queries';
import { StepList } from './StepList';
import { VisitCard } from './VisitCard';

/** Upgrade progress: the steps as they happen (polled), bill, TT and WO numbers, the visit. */
export function UpgradeProgressPage() {
  const { upgradeId = '' } = useParams();
  return (
    <Page title="Status Upgrade" back={{ to: '/', label: 'Beranda' }}>
      <Loaded query={useUpgrade(upgradeId)}>
        {(upgrade) => (
          <>
            <Card>
              <p className="status-line" role="status">
                <strong>{STATUS_LABELS[upgrade.status]}</strong>
              </p>
              <Facts
                rows={[
                  ['Diminta', formatInstant(upgrade.requestedAt)],
                  [
                    'Nomor tagihan',
                    upgrade.billCode ? (
                      <Link key="bill" to={`/bills/${upgrade.billCode}`}>
                        {upgrade.billCode}
                      </Link>
                    ) : (
                      '—'
                    ),
                  ],
                  ['Tiket upgrade (TT)', upgrade.upgradeTicketNo ?? '—'],
                  ['WO upgrade', upgrade.upgradeWorkOrderNo ?? '—'],
                  upgrade.changeOntTicketNo !== null && ['Tiket ganti ONT (TT)', upgrade.changeOntTicketNo],
                  upgrade.maintenanceWorkOrderNo !== null && [
                    'WO maintenance',
                    upgrade.maintenanceWorkOrderNo,
                  ],
                  upgrade.failureReason !== null && ['Keterangan', upgrade.failureReason],
                ]}
              />
            </Card>
            <VisitCard upgrade={upgrade} />
            <Card title="Langkah">
              <StepList upgrade={upgrade} />
            </Card>
          </>
        )}
      </Loaded>
    </Page>
  );
}
