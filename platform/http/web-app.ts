/**
 * The Selfcare web app (web/, built by `npm run setup` into .build/web/) at /app/: hashed assets
 * cached for a year, every other path under /app answered with index.html so a deep link, a
 * reload or a notice's link opens its screen (the app's router reads the URL). The build writes a
 * brotli and a gzip copy next to each text file (scripts/build-web.ts); the one the browser
 * accepts is sent as it is, with its Content-Encoding (no compression per request).
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { HttpProblem } from './problem';

export const WEB_APP_DIR = path.resolve(__dirname, '..', '..', '.build', 'web');

/**
 * Helmet's defaults, and the web app's sign-in: its OpenID client fetches the provider's
 * (`authority`) discovery document and token endpoint from the page (connect-src). Going there and
 * back is navigation, which CSP does not restrict; the app posts no form to it (form-action stays 'self').
 */
export function webAppCsp(authority: string | undefined): Record<string, string[]> {
  return {
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", ...(authority ? [new URL(authority).origin] : [])],
  };
}

/** The encodings the build writes, the preferred first, with their files' suffixes. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Sends `file` (relative to `root`) as its precompressed copy when the request accepts one and the
 * build wrote it: the type of the original, `Content-Encoding`, `Vary: Accept-Encoding` (on the
 * identity answer too, so a cache keeps them apart). False when there is none to send.
 */
function sendPrecompressed(
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
  root: string,
  file: string,
  options: { maxAge?: string; immutable?: boolean },
): boolean {
  res.vary('Accept-Encoding');
  // Ours first where the browser likes several as much (Chromium sends "gzip, deflate, br, zstd").
  const chosen = PRECOMPRESSED.find((p) => req.acceptsEncodings(p.encoding) === p.encoding);
  if (!chosen || !fs.existsSync(path.join(root, file + chosen.suffix))) return false;
  res.type(path.extname(file)).set('Content-Encoding', chosen.encoding);
  res.sendFile(file + chosen.suffix, { root, ...options, acceptRanges: false }, (error) => {
    if (error) next(error);
  });
  return true;
}

export function webApp(dir = WEB_APP_DIR): express.Router {
  const router = express.Router();
  const assets = path.join(dir, 'assets');
  const year = { immutable: true, maxAge: '365d' };
  router.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Only a file of the build itself: no dot segments, no separators other than the path's own.
    const file = req.path.replace(/^\/+/, '');
    if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) return next();
    if (!sendPrecompressed(req, res, next, assets, file, year)) next();
  });
  router.use('/assets', express.static(assets, { ...year, fallthrough: false }));
  // The statement's frame in the app is sandboxed (an opaque origin): its height script
  // (web/public/statement-frame.js, no data in it) is a cross-origin load to Helmet's same-origin CORP.
  router.get('/statement-frame.js', (_req, res, next) => {
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  });
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  // A middleware, not a route: the app's routes are the API's operations, each in the document.
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const index = path.join(dir, 'index.html');
    if (!fs.existsSync(index)) {
      return next(new HttpProblem(404, 'Not Found', 'the web app is not built: run `npm run setup`'));
    }
    // Paths that name a file (a dot in the last segment) and were not found are 404s, not the app.
    if (path.extname(req.path)) return next(new HttpProblem(404, 'Not Found', `no file ${req.path}`));
    // Relative to `root`: the folder's own path has a dot segment (.build), which send would refuse.
    res.set('Cache-Control', 'no-cache');
    if (!sendPrecompressed(req, res, next, dir, 'index.html', {})) res.sendFile('index.html', { root: dir });
  });
  return router;
}
