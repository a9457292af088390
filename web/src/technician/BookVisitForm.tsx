/**
 * Book the visit in a free slot of the next 7 days, or move the one booked. A slot that ends after
 * the swap's deadline (the WO's SLA) is warned about before it is confirmed.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isVisitSlot, passesSwapDeadline } from '../../../domain/visits';
import { api, must, type Schemas } from '../api/client';
import { useFreeSlots } from '../api/slots';
import { formatInstant } from '../lib/format';
import { technicianRefusalInWords } from '../lib/refusals';
import { Card, ErrorNotice, Loading } from '../ui/Page';
import { SlotChoices } from '../ui/SlotChoices';
import { useRefreshWorkOrder } from './useRefresh';

type Appointment = Schemas['AppointmentView'];

export function BookVisitForm({
  woNumber,
  booked,
  dueAt,
  onBooked,
}: {
  woNumber: string;
  booked: Appointment | null;
  /** The swap's deadline (the WO's SLA), a Jakarta instant. */
  dueAt: string | null;
  onBooked?: () => void;
}) {
  const [choice, setChoice] = useState('');
  const refresh = useRefreshWorkOrder(woNumber);
  const slots = useFreeSlots(woNumber, 7);
  const book = useMutation({
    mutationFn: ({ date, slot }: { date: string; slot: string }) =>
      must(
        api.POST('/v1/technician/work-orders/{woNumber}/appointment', {
          params: { path: { woNumber } },
          body: { date, slot },
        }),
      ),
    onSuccess: () => {
      setChoice('');
      refresh();
      onBooked?.();
    },
  });
  const [chosenDate, chosenSlot] = choice.split('|');
  const late =
    dueAt !== null &&
    chosenDate !== undefined &&
    chosenSlot !== undefined &&
    isVisitSlot(chosenSlot) &&
    passesSwapDeadline(chosenDate, chosenSlot, new Date(dueAt));
  const title = booked ? 'Pindahkan kunjungan' : 'Jadwalkan kunjungan';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [date, slot] = choice.split('|');
    if (date && slot) book.mutate({ date, slot });
  };
  return (
    <Card title={title}>
      {booked ? (
        <p>
          Kunjungan sekarang: <strong>{booked.label}</strong>.
        </p>
      ) : (
        <p>Pilih slot yang masih tersedia, sesuai kesepakatan dengan pelanggan.</p>
      )}
      {slots.isPending ? <Loading what="Memuat slot…" /> : null}
      {slots.isError ? <ErrorNotice error={slots.error} inWords={technicianRefusalInWords} /> : null}
      {slots.data ? (
        <form onSubmit={submit} className="move-form">
          <fieldset>
            <legend>Slot tersedia (7 hari, area {slots.data.area})</legend>
            <SlotChoices
              slots={slots.data.slots}
              booked={booked}
              choice={choice}
              onChoose={setChoice}
              name={`slot-${woNumber}`}
            />
          </fieldset>
          {late ? (
            <p className="notice notice-rule" role="status">
              Melewati batas waktu penggantian ONT ({formatInstant(dueAt)}). Pilih slot yang lebih awal bila
              masih ada, atau jadwalkan dan kabari pelanggan.
            </p>
          ) : null}
          {book.isError ? <ErrorNotice error={book.error} inWords={technicianRefusalInWords} /> : null}
          {book.isSuccess &&
          booked?.date === book.data.appointment.date &&
          booked.slot === book.data.appointment.slot ? (
            <p className="notice notice-success" role="status">
              Kunjungan dijadwalkan: {book.data.appointment.label}. Pelanggan sudah diberi tahu.
            </p>
          ) : null}
          <button type="submit" className="button" disabled={!choice || book.isPending}>
            {book.isPending ? 'Menyimpan…' : title}
          </button>
        </form>
      ) : null}
    </Card>
  );
}
