/** /app/auth/callback: the provider sends the browser back here with the code; then the return path. */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Loading, Page } from '../ui/Page';
import { PlainShell } from '../ui/PlainShell';
import { finishSignIn } from './oidc-sign-in';

export function CallbackPage() {
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    finishSignIn().then(
      (returnTo) => navigate(returnTo.replace(/^\/app/, '') || '/', { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);
  return (
    <PlainShell>
      <Page title="Masuk ke Selfcare">
        {failed ? (
          <p role="alert">
            Gagal masuk. <a href="/app/">Coba lagi</a>
          </p>
        ) : (
          <Loading />
        )}
      </Page>
    </PlainShell>
  );
}
