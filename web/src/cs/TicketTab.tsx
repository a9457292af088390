import type { Schemas } from '../api/client';
import { ActionForm } from './ActionForm';
import { CsListTab } from './CsTab';
import type { CsList } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { postAction } from './postAction';
import { useCsTickets } from './queries';

type Ticket = Schemas['TicketView'];

const TICKETS: CsList<Ticket> = {
  columns: {
    'Ticket No': (t) => t.ticketNo,
    Title: (t) => t.title,
    Description: (t) => t.description,
    Status: (t) => t.status,
    Created: (t) => formatCrmInstant(t.createdAt),
    Closed: (t) => (t.closedAt ? formatCrmInstant(t.closedAt) : ''),
    Noted: (t) => <TicketNotes ticket={t} />,
  },
  rowKey: (t) => t.ticketNo,
  empty: 'Belum ada tiket.',
};

/** Ticket: the Billing App's TT list (ticket no, title, description, status, created, closed), with "Noted". */
export function TicketTab() {
  const tickets = useCsTickets(useCustomerIdParam());
  return (
    <CsListTab query={tickets} label="Ticket" heading="Customer Ticket" items="tickets" table={TICKETS} />
  );
}

/** The ticket's notes, and "Noted": a note added for the customer. */
function TicketNotes({ ticket: t }: { ticket: Ticket }) {
  return (
    <>
      {t.notes.length > 0 ? (
        <ul className="cs-notes">
          {t.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <ActionForm
        title={`Catatan untuk tiket ${t.ticketNo}`}
        submitLabel="Simpan catatan"
        reasonLabel="Catatan"
        perform={(note, key) =>
          postAction('/v1/cs/tickets/{ticketNo}/notes', { ticketNo: t.ticketNo }, key, { note })
        }
        describe={() => `Catatan tersimpan di tiket ${t.ticketNo}.`}
      />
    </>
  );
}
