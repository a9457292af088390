/**
 * The Selfcare web app (web/, built by `npm run setup` into .build/web/) at /app/: hashed assets
 * cached for a year, every other path under /app answered with index.html so a deep link, a
 * reload or a notice's link opens its screen (the app's router reads the URL).
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

export function webApp(dir = WEB_APP_DIR): express.Router {
  const router = express.Router();
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
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
    res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: dir });
  });
  return router;
}
