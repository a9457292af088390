/**
 * The codec server's certificate on a developer's machine: the Temporal Web UI passes the
 * operator's access token only to an `https://` codec endpoint, so `npm run cluster` serves the
 * codec server over HTTPS with a self-signed certificate for 127.0.0.1 and localhost, kept in the
 * data folder (a browser told to trust it once keeps trusting it). Production brings its own
 * (CODEC_TLS_CERT_PATH, CODEC_TLS_KEY_PATH, or the API's TLS ingress).
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface CodecTls {
  certPath: string;
  keyPath: string;
}

/** The certificate in `dir`, made (again) when missing or within a week of expiring. */
export async function developmentCodecCertificate(dir: string): Promise<CodecTls> {
  const certPath = path.join(dir, 'codec-cert.pem');
  const keyPath = path.join(dir, 'codec-key.pem');
  if (fs.existsSync(certPath) && fs.existsSync(keyPath) && !expiresSoon(fs.readFileSync(certPath))) {
    return { certPath, keyPath };
  }
  const notBeforeDate = new Date(Date.now() - 60_000);
  const pems = await generate(
    [{ name: 'commonName', value: 'Oxygen.id selfcare codec server (development)' }],
    {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate: new Date(notBeforeDate.getTime() + 365 * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    },
  );
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(keyPath, pems.private, { mode: 0o600 });
  fs.writeFileSync(certPath, pems.cert);
  return { certPath, keyPath };
}

function expiresSoon(pem: Buffer): boolean {
  try {
    return new Date(new X509Certificate(pem).validTo).getTime() - Date.now() < 7 * 86_400_000;
  } catch {
    return true;
  }
}
