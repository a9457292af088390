/**
 * scripts/ensure-temporal-cluster.sh on a machine without Go and without the binaries: one clear
 * message naming both ways out (install Go, or point at prebuilt binaries), and exit code 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

it('refuses with a clear message when Go is missing and nothing is built yet', () => {
  const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'no-go-'));
  try {
    for (const file of ['scripts/ensure-temporal-cluster.sh', 'deploy/temporal/ui-server/go.mod']) {
      fs.mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(checkout, file));
    }
    const bin = path.join(checkout, 'bin');
    fs.mkdirSync(bin);
    // Only what the script needs besides Go: bash and coreutils, no `go` anywhere on PATH.
    for (const tool of ['bash', 'sed', 'mkdir', 'dirname', 'awk', 'cat']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
      fs.symlinkSync(found, path.join(bin, tool));
    }
    const result = spawnSync(
      path.join(bin, 'bash'),
      [path.join(checkout, 'scripts/ensure-temporal-cluster.sh')],
      {
        encoding: 'utf8',
        env: { PATH: bin, HOME: checkout },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'error: Go is not installed, and temporal-server v1.32.2 is not built yet.',
    );
    expect(result.stderr).toContain('TEMPORAL_SERVER_PATH=');
    expect(fs.existsSync(path.join(checkout, '.tools', 'cluster.json'))).toBe(false);
  } finally {
    fs.rmSync(checkout, { recursive: true, force: true });
  }
});
