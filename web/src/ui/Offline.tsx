/**
 * What the app says when the network is down or the API out of reach, instead of "Memuat…"
 * forever: the words, and "Coba lagi". Whether the phone is online comes from the browser
 * (`navigator.onLine`, its `online`/`offline` events); TanStack Query pauses reads while offline
 * and resumes them when the connection is back, which these notices say.
 */
import { useSyncExternalStore } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiProblem } from '../api/problem';
import './styles/offline.css';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

export const OFFLINE_WORDS = 'Tidak ada koneksi internet. Periksa koneksimu, lalu coba lagi.';
export const UNREACHABLE_WORDS = 'Server Oxygen.id tidak terjangkau. Coba lagi sebentar lagi.';

/** A failure that is the connection's (no answer at all, or the gateway's 502–504), not a refusal. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ApiProblem) return error.status >= 502 && error.status <= 504;
  // fetch() rejects with a TypeError when no answer came; a chunk that could not be fetched too.
  return (
    error instanceof TypeError || (error instanceof Error && /fetch|network|import/i.test(error.message))
  );
}

/** "No connection" (or "server out of reach" while online) and a button to try again. */
export function Unreachable({ onRetry, retrying = false }: { onRetry: () => void; retrying?: boolean }) {
  const online = useOnline();
  return (
    <div className="notice notice-error unreachable" role="alert">
      <p>{online ? UNREACHABLE_WORDS : OFFLINE_WORDS}</p>
      <button type="button" className="button button-secondary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Mencoba lagi…' : 'Coba lagi'}
      </button>
    </div>
  );
}

/** A thin bar while the phone is offline: what is on screen stays, nothing new comes. */
export function OfflineBar() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="offline-bar" role="status">
      Kamu sedang offline. Data terbaru dimuat lagi begitu tersambung.
    </p>
  );
}

/**
 * A route's error boundary: a screen whose code could not be fetched (offline) says so and loads
 * again on "Coba lagi"; anything else is said plainly, with a way back to the start.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div>
      <h1>{notFound ? 'Halaman tidak ditemukan' : 'Halaman ini belum bisa dibuka'}</h1>
      {notFound ? null : isUnreachable(error) ? (
        <Unreachable onRetry={() => window.location.reload()} />
      ) : (
        <p role="alert">Terjadi gangguan saat membuka halaman ini.</p>
      )}
      <p>
        <a href="/app/">Kembali ke Beranda</a>
      </p>
    </div>
  );
}
