/**
 * One command, seven levels: pure units; integration (activities and API against a real
 * PostgreSQL); workflows in TestWorkflowEnvironment; end to end against the whole system; the
 * web app in Chromium against the whole system;
 * faults (the system split into processes that are killed, stopped and restarted under load);
 * and the cluster (the production topology: Temporal as four services on PostgreSQL, two
 * workers, two API processes).
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const project = (name, testTimeout) => ({
  displayName: name,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts?(x)`],
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // jose ships only ES modules; Jest (before Node 24.9) cannot require them, so swc compiles it too.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // The generated Prisma client imports its own TypeScript files with `.js` extensions.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  ...(name === 'workflow' ? { setupFilesAfterEnv: ['<rootDir>/test/setup-temporal-runtime.ts'] } : {}),
  ...(testTimeout ? { testTimeout } : {}),
});

module.exports = {
  projects: [
    project('unit'),
    project('integration'),
    project('workflow'),
    project('e2e'),
    project('web'),
    project('faults'),
    project('cluster'),
  ],
  testTimeout: 120_000,
  // Most suites wait on servers (Temporal timers, polling, a browser), not on the CPU: two files at
  // a time, even on two cores (Jest's default would be one). JEST_MAX_WORKERS=1 runs them in turn.
  maxWorkers: Number(process.env.JEST_MAX_WORKERS ?? 2),
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
