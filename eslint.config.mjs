// One lint for the whole repository. Beyond typescript-eslint's recommended rules it encodes the
// layering the project was designed with, so nobody has to remember it:
//   clients (CLI launcher) → gateway → access/runtime/contracts;   subgraphs → kit → access/runtime/contracts;
//   no subgraph → another; the kit imports no subgraph; the gateway imports no kit (its dependency
//   closure stays free of TypeORM and type-graphql, see test/src/gates/gateway-closure.test.ts);
//   access, runtime and contracts import no kit; the browser pages import no server code;
//   the demo loader imports no subgraph at all (it seeds through the gateway);
// and every import of a package must be declared by the package that imports it.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const SUBGRAPHS = ['programmes', 'beneficiaries', 'venues', 'vouchers'];
const subgraphImports = (except) =>
  SUBGRAPHS.filter((s) => s !== except).flatMap((s) => [`@pass/${s}`, `@pass/${s}/*`, `**/subgraphs/${s}/**`, `../../${s}/**`, `../${s}/**`]);

const layer = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '**/generated/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-extraneous-dependencies': ['error', { includeTypes: false }],
    },
  },
  ...SUBGRAPHS.map((s) =>
    layer([`subgraphs/${s}/src/**/*.ts`], subgraphImports(s), 'a subgraph never imports another: what it needs comes through the gateway or as a replicated fact'),
  ),
  layer(['subgraphs/kit/src/**/*.ts'], subgraphImports(null).concat(['@pass/gateway', '@pass/clients', '@pass/schema']), 'the kit is platform only: it imports no subgraph, gateway or client'),
  layer(['gateway/src/**/*.ts'], subgraphImports(null).concat(['@pass/kit', '@pass/clients', '**/subgraphs/*/src/**']), 'the gateway imports no subgraph internals and no kit: tokens and caller assertions are @pass/access, logging and tracing @pass/runtime'),
  ...[
    ['subgraphs/access/src/**/*.ts', []],
    ['subgraphs/runtime/src/**/*.ts', ['@pass/access']],
    ['subgraphs/contracts/src/**/*.ts', ['@pass/access', '@pass/runtime']],
  ].map(([files, below]) =>
    layer(
      [files],
      subgraphImports(null).concat(['@pass/kit', '@pass/gateway', '@pass/clients', '@pass/schema', '**/subgraphs/kit/**', 'typeorm', 'type-graphql', 'class-validator'], below),
      'access, runtime and contracts sit below the kit (contracts below all three): no kit, no subgraph, no ORM or schema builder',
    ),
  ),
  layer(['clients/src/demo/**/*.ts'], subgraphImports(null).concat(['**/subgraphs/*/src/**']), 'the demo data goes through the gateway as its partners would: no subgraph package'),
  layer(['clients/src/pages/**/*.ts', 'clients/src/graphiql/**/*.ts'], subgraphImports(null).concat(['@pass/kit', '@pass/gateway', '**/subgraphs/*/src/**']), 'browser pages import no server code'),
  {
    files: ['**/*.test.ts', '**/*.e2e.ts', '**/__tests__/**', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
