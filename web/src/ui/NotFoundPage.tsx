import { Link } from 'react-router';
import { Page } from './Page';

export function NotFoundPage() {
  return (
    <main className="main">
      <Page title="Halaman tidak ditemukan">
        <p>Alamat ini tidak ada di aplikasi Selfcare.</p>
        <Link className="button" to="/">
          Ke Beranda
        </Link>
      </Page>
    </main>
  );
}
