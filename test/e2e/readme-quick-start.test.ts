/**
 * The README's Quick start, run as a new user runs it: its `sh` blocks (after the install block),
 * taken from README.md as they stand, each in a bash of its own against a stack started like
 * `npm start` (on free ports: the block's http://localhost:3000 is this stack's API). After
 * `# →`, a line says what its answer holds, in backquotes: each of those must be in the output.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type LocalSystem, PROJECT_ROOT, startLocalSystem } from '../support/harness';

const README = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const MARK = ' # → ';

/** The Quick start's sh blocks, in order, without the first one (install, start, test). */
function quickStartBlocks(readme: string): string[] {
  const start = readme.indexOf('\n## Quick start');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.slice(1);
}

/**
 * The block as a script: each command whose line says `# → \`…\`` has its output printed and
 * checked for each part; a missing part fails the script naming the command.
 */
function checkedScript(block: string): string {
  const commands: string[] = [];
  let current = '';
  for (const line of block.split('\n')) {
    current += current ? `\n${line}` : line;
    if (line.endsWith('\\')) continue;
    commands.push(current);
    current = '';
  }
  return commands
    .map((command) => {
      const at = command.lastIndexOf(MARK);
      if (at < 0) return command;
      const run = command.slice(0, at).trimEnd();
      const expected = [...command.slice(at + MARK.length).matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      if (expected.length === 0) throw new Error(`"# →" without a \`part\`: ${command}`);
      const checks = expected.map((part) => {
        if (part.includes("'")) throw new Error(`a part with a single quote: ${part}`);
        const name = run.split('\n')[0]!.replace(/'/g, '');
        return `grep -qF -- '${part}' <<<"$out" || { echo 'README: no ${part} in the answer to: ${name}' >&2; failed=1; }`;
      });
      return [`out=$(${run} 2>&1)`, 'printf "%s\\n" "$out"', ...checks].join('\n');
    })
    .join('\n');
}

let system: LocalSystem;

beforeAll(async () => {
  system = await startLocalSystem({ label: 'readme', freshMigrations: true });
}, 240_000);

afterAll(async () => {
  if (system) expect(await system.stop()).toBe(0);
});

function runBlock(block: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `failed=0\n${checkedScript(block.replaceAll('http://localhost:3000', system.apiUrl))}\nexit $failed\n`;
  const apiPort = new URL(system.apiUrl).port;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        // npm run token asks this stack's provider, npm run pay its Midtrans stand-in, temporal its server.
        OIDC_ISSUER: system.issuerUrl,
        PORT: apiPort,
        MIDTRANS_STAND_IN_PORT: new URL(system.midtransUrl).port,
        TEMPORAL_ADDRESS: system.temporalAddress,
        PATH: `${path.join(PROJECT_ROOT, '.tools', 'bin')}:${process.env.PATH}`,
        NODE_OPTIONS: '',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the README's Quick start, as written", () => {
  const blocks = quickStartBlocks(README);

  it('has the three blocks: scenario A, scenario B, the payment; each says what its answers hold', () => {
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      expect(block.startsWith('API=http://localhost:3000/v1\n')).toBe(true);
      expect(block.split(MARK).length).toBeGreaterThan(3);
    }
  });

  it.each([
    ['deck scenario A', 0],
    ['deck scenario B, the visit and the swap', 1],
    ["scenario A's bill paid", 2],
  ])(
    '%s: every line answers what the README says',
    async (_name, index) => {
      const { code, stdout, stderr } = await runBlock(blocks[index]!);
      const misses = stderr.split('\n').filter((line) => line.startsWith('README: '));
      expect({ misses, code }).toEqual({ misses: [], code: 0 });
      expect(stdout).not.toContain('"status":401');
    },
    180_000,
  );
});
