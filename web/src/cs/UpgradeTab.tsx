import { useState } from 'react';
import type { Schemas } from '../api/client';
import { StepList } from '../customer/StepList';
import { isInFlight } from '../lib/steps';
import { Facts } from '../ui/Page';
import { ActionForm } from './ActionForm';
import { CsTab } from './CsTab';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { postAction } from './postAction';
import { useCsUpgrades, useProfile } from './queries';

/** Upgrade: each upgrade's steps, its run in the Temporal Web UI, and the cancel of one in flight. */
export function UpgradeTab() {
  const customerId = useCustomerIdParam();
  const upgrades = useCsUpgrades(customerId);
  const runs = useProfile(customerId).data?.temporalRunsUrl ?? null;
  return (
    <CsTab query={upgrades} label="Upgrade">
      {(data) => (
        <>
          {data.upgrades.length === 0 ? <p>Belum ada upgrade.</p> : null}
          {data.upgrades.map((u) => (
            <UpgradeCard key={u.upgradeId} upgrade={u} runs={runs} />
          ))}
        </>
      )}
    </CsTab>
  );
}

/** What the cancel will do, by where the upgrade stands (activities/settlement.ts decides the same). */
export function cancelEffects(u: Schemas['UpgradeView']): string[] {
  const from = u.fromPackageCode ?? 'paket sebelumnya';
  const switched = u.steps.some((s) => s.name === 'PACKAGE_SWITCHED');
  const bill = u.billCode ? `Tagihan ${u.billCode}` : 'Tagihan upgrade (jika sudah terbit)';
  if (switched && !u.maintenanceWorkOrderNo && u.steps.every((s) => s.name !== 'ONT_SWAP_SCHEDULED')) {
    // Past the switch with no ONT swap to wait for: the upgrade stands.
    return ['Paket: tetap paket baru (upgrade sudah selesai diproses).', 'Pelanggan diberi tahu.'];
  }
  const effects = [
    switched
      ? `Paket: kembali ke ${from} mulai sekarang (riwayat paket mencatat keduanya).`
      : `Paket: tetap ${from}.`,
    `${bill}: dibatalkan (VOID) dengan alasannya; bila sudah dibayar, pembayarannya menjadi kredit untuk pelanggan.`,
  ];
  if (u.maintenanceWorkOrderNo || switched) {
    effects.push(
      'Kunjungan teknisi: dibatalkan.',
      `TT Change ONT${u.changeOntTicketNo ? ` ${u.changeOntTicketNo}` : ''}: dibatalkan.`,
      `WO Maintenance${u.maintenanceWorkOrderNo ? ` ${u.maintenanceWorkOrderNo}` : ''}: dibatalkan.`,
    );
  }
  effects.push(
    `WO Upgrade${u.upgradeWorkOrderNo ? ` ${u.upgradeWorkOrderNo}` : ''}: dibatalkan.`,
    'Pelanggan diberi tahu (push, inbox, email) dan dapat mengajukan upgrade lagi.',
  );
  return effects;
}

function UpgradeCard({ upgrade: u, runs }: { upgrade: Schemas['UpgradeView']; runs: string | null }) {
  // Kept once shown, so what the cancel did stays on screen after the upgrade ended.
  const [cancellable] = useState(() => isInFlight(u.status));
  return (
    <section className="cs-upgrade" aria-label={`Upgrade ${u.upgradeId}`}>
      <h3>
        {u.fromPackageCode ?? '—'} → {u.targetPackageCode} · {u.status}
      </h3>
      <div className="cs-columns">
        <Facts
          rows={[
            ['Upgrade ID', u.upgradeId],
            ['Diminta', formatCrmInstant(u.requestedAt)],
            ['Bill Code', u.billCode ?? '—'],
            ['TT Upgrade', u.upgradeTicketNo ?? '—'],
            ['WO Upgrade', u.upgradeWorkOrderNo ?? '—'],
            ['TT Change ONT', u.changeOntTicketNo ?? '—'],
            ['WO Maintenance', u.maintenanceWorkOrderNo ?? '—'],
            ['Keterangan', u.failureReason ?? '—'],
            [
              'Temporal Web UI',
              runs ? (
                <a
                  key="run"
                  href={`${runs}${encodeURIComponent(u.workflowId)}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  Buka run {u.workflowId}
                </a>
              ) : (
                'alamat Web UI tidak diketahui'
              ),
            ],
          ]}
        />
        <StepList upgrade={u} />
      </div>
      {cancellable ? (
        <ActionForm
          title={`Batalkan upgrade ${u.upgradeId}`}
          submitLabel="Batalkan upgrade"
          perform={(reason, key) =>
            postAction('/v1/cs/upgrades/{upgradeId}/cancellation', { upgradeId: u.upgradeId }, key, {
              reason,
            })
          }
          describe={(answer) =>
            answer.settled ? answer.action.outcome : 'Pembatalan diminta; upgrade masih diproses oleh sistem.'
          }
          confirm={{
            question: `Batalkan upgrade ${u.fromPackageCode ?? ''} → ${u.targetPackageCode}? Yang akan terjadi:`,
            effects: cancelEffects(u),
            confirmLabel: 'Ya, batalkan upgrade',
          }}
        />
      ) : null}
    </section>
  );
}
