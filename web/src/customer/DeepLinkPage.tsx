import { Navigate, useSearchParams } from 'react-router';
import { appPathOf } from '../lib/deep-links';
import { Page } from '../ui/Page';

/** `/app/open?link=oxygenid://bills/…`: a notice's deep link, opened on the web. */
export function DeepLinkPage() {
  const [search] = useSearchParams();
  const to = appPathOf(search.get('link'));
  if (to) return <Navigate to={to} replace />;
  return (
    <Page title="Tautan tidak dikenal" back={{ to: '/', label: 'Beranda' }}>
      <p>Tautan ini tidak dapat dibuka di aplikasi.</p>
    </Page>
  );
}
