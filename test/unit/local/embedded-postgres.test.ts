import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertPostgresUserCanReach } from '../../../local/embedded-postgres';

// The check matters where PostgreSQL must drop root: CI and the sandboxes run as root.
const asRoot = process.getuid?.() === 0 ? it : it.skip;

describe('assertPostgresUserCanReach', () => {
  asRoot('names the private folder on the way and how to fix it', () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'private-'));
    fs.chmodSync(privateDir, 0o700);
    const dataDir = path.join(privateDir, 'checkout', '.data');
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      expect(() => assertPostgresUserCanReach([dataDir])).toThrow(
        `cannot enter ${privateDir} (mode 700) on the way to ${dataDir}`,
      );
      expect(() => assertPostgresUserCanReach([dataDir])).toThrow(`chmod o+x ${privateDir}`);
      fs.chmodSync(privateDir, 0o711);
      expect(() => assertPostgresUserCanReach([dataDir])).not.toThrow();
    } finally {
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  });
});
