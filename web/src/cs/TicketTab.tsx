import { api, must, type Schemas } from '../api/client';
import { ActionForm } from './ActionForm';
import { CsTab } from './CsTab';
import { CsTable } from './CsTable';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useCsTickets } from './queries';

/** Ticket: the Billing App's TT list (ticket no, title, description, status, created, closed), with "Noted". */
export function TicketTab() {
  return (
    <CsTab query={useCsTickets(useCustomerIdParam())} label="Ticket" heading="Customer Ticket">
      {(data) => (
        <CsTable
          empty="Belum ada tiket."
          columns={['Ticket No', 'Title', 'Description', 'Status', 'Created', 'Closed', 'Noted']}
          items={data.tickets}
          rowKey={(t) => t.ticketNo}
          cells={(t) => [
            t.ticketNo,
            t.title,
            t.description,
            t.status,
            formatCrmInstant(t.createdAt),
            t.closedAt ? formatCrmInstant(t.closedAt) : '',
            <TicketNotes key="notes" ticket={t} />,
          ]}
        />
      )}
    </CsTab>
  );
}

/** The ticket's notes, and "Noted": a note added for the customer. */
function TicketNotes({ ticket: t }: { ticket: Schemas['TicketView'] }) {
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
          must(
            api.POST('/v1/cs/tickets/{ticketNo}/notes', {
              params: { path: { ticketNo: t.ticketNo }, header: { 'Idempotency-Key': key } },
              body: { note },
            }),
          )
        }
        describe={() => `Catatan tersimpan di tiket ${t.ticketNo}.`}
      />
    </>
  );
}
