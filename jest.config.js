/** Three levels, one command: pure units, workflows in TestWorkflowEnvironment, end to end. */
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
  setupFiles: ['<rootDir>/test/setup-env.js'],
  ...(name === 'workflow' ? { setupFilesAfterEnv: ['<rootDir>/test/setup-temporal-runtime.ts'] } : {}),
  ...(testTimeout ? { testTimeout } : {}),
});

module.exports = {
  projects: [project('unit'), project('workflow'), project('e2e')],
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
