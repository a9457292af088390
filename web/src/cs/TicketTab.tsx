import { api, must } from '../api/client';
import { ErrorNotice, Loading } from '../ui/Page';
import { ActionForm } from './ActionForm';
import { useCustomerIdParam } from './CustomerPage';
import { formatCrmInstant } from './format';
import { useCsTickets } from './queries';

/** Ticket: the Billing App's TT list (ticket no, title, description, status, created, closed), with "Noted". */
export function TicketTab() {
  const tickets = useCsTickets(useCustomerIdParam());
  if (tickets.isPending) return <Loading />;
  if (tickets.isError) return <ErrorNotice error={tickets.error} />;
  return (
    <section aria-label="Ticket">
      <h2>Customer Ticket</h2>
      {tickets.data.tickets.length === 0 ? (
        <p>Belum ada tiket.</p>
      ) : (
        <table className="cs-table">
          <thead>
            <tr>
              <th scope="col">Ticket No</th>
              <th scope="col">Title</th>
              <th scope="col">Description</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Closed</th>
              <th scope="col">Noted</th>
            </tr>
          </thead>
          <tbody>
            {tickets.data.tickets.map((t) => (
              <tr key={t.ticketNo}>
                <td>{t.ticketNo}</td>
                <td>{t.title}</td>
                <td>{t.description}</td>
                <td>{t.status}</td>
                <td>{formatCrmInstant(t.createdAt)}</td>
                <td>{t.closedAt ? formatCrmInstant(t.closedAt) : ''}</td>
                <td>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
