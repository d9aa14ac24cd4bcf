/**
 * One jest run for the whole repo. Tests import workspace packages from source (not dist) so a
 * test never runs stale code; swc strips types with legacy decorators and their metadata, which
 * type-graphql and typeorm read at run time.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/**/src/**/*.test.ts', '<rootDir>/test/src/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: {
    '^@pass/kit$': '<rootDir>/subgraphs/kit/src/index.ts',
    '^@pass/contracts$': '<rootDir>/subgraphs/contracts/src/index.ts',
    '^@pass/contracts/territory$': '<rootDir>/subgraphs/contracts/src/territory/index.ts',
    '^@pass/access$': '<rootDir>/subgraphs/access/src/index.ts',
    '^@pass/runtime$': '<rootDir>/subgraphs/runtime/src/index.ts',
    '^@pass/(programmes|beneficiaries|venues|vouchers)$': '<rootDir>/subgraphs/$1/src/index.ts',
    '^@pass/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@pass/schema$': '<rootDir>/schema/src/index.ts',
    '^@pass/clients$': '<rootDir>/clients/src/index.ts',
    '^@pass/test-kit$': '<rootDir>/test/src/kit/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/src/kit/global-setup.ts',
  globalTeardown: '<rootDir>/test/src/kit/global-teardown.ts',
  testTimeout: 120000,
};
