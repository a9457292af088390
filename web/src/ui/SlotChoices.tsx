/**
 * The free visit slots as radio buttons, day by day (the customer's move and the technician's
 * booking): the slot booked now is shown but cannot be chosen. A choice is "date|slot".
 */
import type { Schemas } from '../api/client';
import { formatLongDate, formatVisit, type VisitSlot } from '../lib/format';

type Slot = Schemas['AvailableSlots']['slots'][number];

/** The slots with a free place, grouped by day in the order given. */
export function freeSlotsByDate(slots: Slot[]): Array<[string, Slot[]]> {
  const byDate = new Map<string, Slot[]>();
  for (const s of slots.filter((slot) => slot.free > 0))
    byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  return [...byDate];
}

export function SlotChoices(props: {
  slots: Slot[];
  booked: { date: string; slot: string } | null | undefined;
  choice: string;
  onChoose: (choice: string) => void;
  name: string;
}) {
  const { booked, choice, onChoose, name } = props;
  return freeSlotsByDate(props.slots).map(([date, list]) => (
    <div key={date} className="slot-day">
      <p className="slot-date">{formatLongDate(date)}</p>
      <div className="slot-options">
        {list.map((s) => {
          const value = `${s.date}|${s.slot}`;
          const current = booked?.date === s.date && booked.slot === s.slot;
          return (
            <label key={value} className={`slot${choice === value ? ' slot-chosen' : ''}`}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={choice === value}
                disabled={current}
                onChange={() => onChoose(value)}
                aria-label={`${formatVisit(s.date, s.slot as VisitSlot)}, ${s.free} tempat tersisa`}
              />
              {s.slot.replace('-', '.00–')}.00{current ? ' (sekarang)' : ''}
            </label>
          );
        })}
      </div>
    </div>
  ));
}
