/**
 * The web app's files as the API sends them (platform/http/web-app.ts): the brotli or gzip copy the
 * build wrote (scripts/build-web.ts `precompress`) when the browser accepts it, with the original's
 * type, `Content-Encoding` and `Vary: Accept-Encoding`; hashed assets cached for a year, index.html
 * revalidated; the file itself to a browser that accepts neither.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { webApp } from '../../../platform/http/web-app';
import { precompress } from '../../../scripts/build-web';

const SCRIPT = `export const words = ${JSON.stringify('Memuat… '.repeat(400))};\n`;
const STYLE = `.card { color: #1f2933; }\n`.repeat(200);
const INDEX = `<!doctype html><html lang="id"><body><div id="root">${'<p>Memuat…</p>'.repeat(100)}</div></body></html>`;

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-app-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets', 'index-DeF456.css'), STYLE);
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  precompress(dir);
  const app = express();
  app.use('/app', webApp(dir));
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET with node:http, which (unlike fetch) hands back the bytes as sent. */
function get(
  pathname: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}${pathname}`,
      { headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
  });
}

describe('precompress (the build)', () => {
  it('writes a brotli and a gzip copy of each text file, each smaller and the same when decoded', () => {
    const js = path.join(dir, 'assets', 'index-AbC123.js');
    const br = fs.readFileSync(`${js}.br`);
    const gz = fs.readFileSync(`${js}.gz`);
    expect(br.length).toBeLessThan(SCRIPT.length / 10);
    expect(gz.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(br).toString()).toBe(SCRIPT);
    expect(gunzipSync(gz).toString()).toBe(SCRIPT);
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true);
  });
});

describe('the web app’s files, by Accept-Encoding', () => {
  it('sends a hashed script as brotli to a browser that accepts it, cached for a year', async () => {
    const { status, headers, body } = await get('/app/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(status).toBe(200);
    expect(headers['content-encoding']).toBe('br');
    expect(headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends gzip where brotli is not accepted, and honours q=0', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0, gzip']) {
      const { headers, body } = await get('/app/assets/index-DeF456.css', accept);
      expect([accept, headers['content-encoding']]).toEqual([accept, 'gzip']);
      expect(headers['content-type']).toMatch(/^text\/css/);
      expect(headers.vary).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(body).toString()).toBe(STYLE);
    }
  });

  it('sends the file itself to a browser that accepts neither, still varying by Accept-Encoding', async () => {
    for (const accept of [undefined, 'identity', 'deflate']) {
      const { status, headers, body } = await get('/app/assets/index-AbC123.js', accept);
      expect(status).toBe(200);
      expect(headers['content-encoding']).toBeUndefined();
      expect(headers.vary).toMatch(/Accept-Encoding/i);
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(body.toString()).toBe(SCRIPT);
    }
  });

  it('sends index.html compressed for every screen’s path, never cached without asking again', async () => {
    for (const pathname of ['/app/', '/app/bills/260112712857']) {
      const { status, headers, body } = await get(pathname, 'br, gzip');
      expect(status).toBe(200);
      expect(headers['content-encoding']).toBe('br');
      expect(headers['content-type']).toMatch(/^text\/html/);
      expect(headers['cache-control']).toBe('no-cache');
      expect(headers.vary).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(body).toString()).toBe(INDEX);
    }
    const plain = await get('/app/', '');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(INDEX);
  });

  it('answers 404 for an asset that is not there, whatever the encoding', async () => {
    expect((await get('/app/assets/index-Nope.js', 'br')).status).toBe(404);
    expect((await get('/app/assets/../index.html', 'br')).status).not.toBe(500);
  });
});
