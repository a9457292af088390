/**
 * The technician's visit for the ONT swap: the visit booked, or, while none is, booking it herself
 * (or the vendor calls within VENDOR_CONTACT_WITHIN); the free slots, moving the visit (up to the
 * lead time; refusals in words), missed visits and why.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, must, type Schemas } from '../api/client';
import { useFreeSlots } from '../api/slots';
import { formatInstant, VENDOR_CONTACT_WITHIN, VISIT_PENDING_LABELS } from '../lib/format';
import { Card, ErrorNotice, Loading } from '../ui/Page';
import { SlotChoices } from '../ui/SlotChoices';
import { READS, useCustomerId } from './queries';

type Upgrade = Schemas['UpgradeView'];
type Appointment = Schemas['AppointmentView'];

const BOOKED_BY = { TECHNICIAN: 'teknisi', CUSTOMER: 'kamu', CS: 'Customer Service' } as const;

export function VisitCard({ upgrade }: { upgrade: Upgrade }) {
  const swap = upgrade.ontSwap;
  const woNumber = upgrade.maintenanceWorkOrderNo;
  if (!swap || !woNumber) return null;
  const booked = swap.appointment?.status === 'BOOKED' ? swap.appointment : null;
  const missed = swap.appointmentHistory.filter((a) => a.status === 'MISSED');
  const waiting = upgrade.status === 'AWAITING_ONT_SWAP' || upgrade.status === 'ESCALATED';
  return (
    <Card title="Kunjungan teknisi (penggantian ONT)" tone={booked ? 'info' : 'warning'}>
      {swap.replacedAt ? (
        <p>ONT kamu sudah diganti pada {formatInstant(swap.replacedAt)}.</p>
      ) : booked ? (
        <p>
          Teknisi akan datang <strong>{booked.label}</strong> (dijadwalkan oleh {BOOKED_BY[booked.bookedBy]}).
        </p>
      ) : waiting ? (
        <p>
          Belum ada jadwal kunjungan. Pilih sendiri jadwalnya di bawah, atau teknisi kami akan menghubungi
          kamu <strong>{VENDOR_CONTACT_WITHIN}</strong> untuk menjadwalkan penggantian ONT tanpa biaya
          tambahan.
        </p>
      ) : null}
      {missed.length ? (
        <div>
          <h3>Kunjungan yang belum terlaksana</h3>
          <ul className="plain">
            {missed.map((a) => (
              <li key={`${a.date}-${a.slot}-${a.bookedAt}`}>
                {a.label}: {a.pendingCategory ? VISIT_PENDING_LABELS[a.pendingCategory] : 'tanpa keterangan'}
                {a.remark ? ` (${a.remark})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {waiting && !swap.replacedAt ? <Slots woNumber={woNumber} booked={booked} /> : null}
    </Card>
  );
}

function Slots({ woNumber, booked }: { woNumber: string; booked: Appointment | null }) {
  const customerId = useCustomerId();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState('');
  const slots = useFreeSlots(woNumber, 7);
  const move = useMutation({
    mutationFn: ({ date, slot }: { date: string; slot: string }) =>
      must(
        api.PUT('/v1/customers/{customerId}/work-orders/{woNumber}/appointment', {
          params: { path: { customerId, woNumber } },
          body: { date, slot },
        }),
      ),
    onSuccess: () => {
      setChoice('');
      void queryClient.invalidateQueries({ queryKey: READS.upgrade });
      void queryClient.invalidateQueries({
        queryKey: [...READS.slots, { params: { path: { woNumber } } }],
      });
      void queryClient.invalidateQueries({ queryKey: READS.home });
    },
  });
  if (slots.isPending) return <Loading what="Memuat slot…" />;
  if (slots.isError) return <ErrorNotice error={slots.error} />;
  const free = slots.data.slots.filter((s) => s.free > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [date, slot] = choice.split('|');
    if (date && slot) move.mutate({ date, slot });
  };
  return (
    <form onSubmit={submit} className="move-form">
      <fieldset>
        <legend>{booked ? 'Ubah jadwal kunjungan' : 'Pilih jadwal kunjungan'}</legend>
        <p className="small">
          {booked
            ? `Jadwal bisa diubah paling lambat ${slots.data.moveLeadHours} jam sebelum kunjungan.`
            : `Pilih slot paling cepat ${slots.data.moveLeadHours} jam dari sekarang; jadwalnya masih bisa diubah sampai ${slots.data.moveLeadHours} jam sebelum kunjungan.`}
        </p>
        {free.length === 0 ? <p className="small">Belum ada slot kosong dalam 7 hari ke depan.</p> : null}
        <SlotChoices
          slots={slots.data.slots}
          booked={booked}
          choice={choice}
          onChoose={setChoice}
          name="slot"
        />
      </fieldset>
      {move.isError ? <ErrorNotice error={move.error} /> : null}
      {move.isSuccess ? (
        <p className="notice notice-success" role="status">
          {move.data.previous ? 'Jadwal kunjungan diubah ke' : 'Kunjungan teknisi dijadwalkan'}{' '}
          {move.data.appointment.label}.
        </p>
      ) : null}
      <button type="submit" className="button" disabled={!choice || move.isPending}>
        {move.isPending ? 'Menyimpan…' : booked ? 'Simpan jadwal baru' : 'Pesan jadwal ini'}
      </button>
    </form>
  );
}
