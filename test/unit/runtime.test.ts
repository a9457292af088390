import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
/** The one pin: the `node` package npm installs as node_modules/.bin/node, first on every npm script's PATH. */
const pinned = pkg.devDependencies.node ?? '';

describe('the Node.js runtime', () => {
  it('is pinned once, to an exact Node 24 LTS release', () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
  });

  it('is what engines says and what the production image is built on', () => {
    expect(pkg.engines.node).toBe(`^${pinned}`);
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`ARG NODE_VERSION=${pinned}\n`);
    const bases = dockerfile.match(/^FROM node:\S+/gm) ?? [];
    expect(bases.length).toBeGreaterThan(0);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the Dockerfile's own placeholder, not ours
    for (const base of bases) expect(base).toBe('FROM node:${NODE_VERSION}-bookworm-slim');
  });

  it('runs these tests (npm puts the pinned node first on PATH)', () => {
    expect(process.version).toBe(`v${pinned}`);
  });
});
