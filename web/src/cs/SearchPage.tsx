import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { ErrorNotice, Loading, Page } from '../ui/Page';
import { type CsList, CsTable } from './CsTable';
import { useSearch } from './queries';

const MATCH_WORDS = {
  CUSTOMER_ID: 'Customer ID',
  NAME: 'Nama',
  PHONE: 'Telepon',
  BILL_CODE: 'Bill code',
  TICKET_NO: 'No. tiket',
  WO_NUMBER: 'No. WO',
} as const;

const MATCHES: CsList<Schemas['CsCustomerMatch']> = {
  columns: {
    'Customer ID': (c) => <Link to={`/cs/customers/${c.customerId}`}>{c.customerId}</Link>,
    Nama: (c) => c.name,
    Tipe: (c) => c.customerType,
    Telepon: (c) => c.phone,
    Paket: (c) => c.packageName ?? '—',
    Alamat: (c) => c.address,
    'Cocok pada': (c) => c.matchedBy.map((m) => MATCH_WORDS[m]).join(', '),
  },
  rowKey: (c) => c.customerId,
};

/** Find a customer by whatever the caller gives: customer ID, name, phone, bill code, ticket or WO number. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState(q);
  const search = useSearch(q, page);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ q: draft.trim() });
  };
  // The API shows at most 5 pages of a query (100 customers): beyond, the query must say more.
  const pages = search.data
    ? Math.min(5, Math.max(1, Math.ceil(search.data.total / search.data.pageSize)))
    : 1;
  return (
    <Page title="Cari pelanggan">
      <form className="cs-search" onSubmit={submit} aria-label="Cari pelanggan">
        <label htmlFor="cs-q">Customer ID, nama, telepon, bill code, no. tiket atau no. WO</label>
        <div className="cs-search-row">
          <input
            id="cs-q"
            name="q"
            value={draft}
            minLength={2}
            maxLength={80}
            required
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button">
            Cari
          </button>
        </div>
      </form>
      {search.isFetching ? <Loading what="Mencari…" /> : null}
      {search.isError ? <ErrorNotice error={search.error} /> : null}
      {search.data ? (
        <section aria-label="Hasil pencarian">
          <p role="status">
            {search.data.total === 0
              ? `Tidak ada pelanggan yang cocok dengan "${q}".`
              : `${search.data.total} pelanggan cocok dengan "${q}".`}
            {search.data.total > 100 ? ' Hanya 100 yang pertama ditampilkan: perjelas pencarian.' : null}
          </p>
          {search.data.customers.length > 0 ? (
            <CsTable items={search.data.customers} label="Hasil pencarian" {...MATCHES} />
          ) : null}
          {pages > 1 ? (
            <nav className="cs-pager" aria-label="Halaman hasil">
              <button
                type="button"
                className="button button-secondary"
                disabled={page <= 1}
                onClick={() => setParams({ q, page: String(page - 1) })}
              >
                Sebelumnya
              </button>
              <span>
                Halaman {page} dari {pages}
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={page >= pages}
                onClick={() => setParams({ q, page: String(page + 1) })}
              >
                Berikutnya
              </button>
            </nav>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
