import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

/** The gates CI runs before the tests (`npm run lint`, `npm run typecheck:tests`) must be able to fail. */
describe('lint gate', () => {
  // The CLI itself, as CI runs it (its ES-module config cannot load inside jest's CommonJS sandbox).
  const problems = async (code: string, file: string): Promise<string[]> => {
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', file, '-f', 'json'], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
    return result!.messages.map((m) => m.ruleId ?? 'fatal');
  };

  test('a subgraph importing another subgraph fails', async () => {
    expect(await problems("import { Venue } from '@pass/venues';\nexport const v = Venue;\n", 'subgraphs/vouchers/src/x.ts')).toContain('no-restricted-imports');
    expect(await problems("import { Venue } from '../../venues/src/venue/venue.entity';\nexport const v = Venue;\n", 'subgraphs/vouchers/src/x.ts')).toContain('no-restricted-imports');
  });

  test('the kit importing a subgraph, or the gateway a subgraph, fails', async () => {
    expect(await problems("import { x } from '@pass/vouchers';\nexport const y = x;\n", 'subgraphs/kit/src/x.ts')).toContain('no-restricted-imports');
    expect(await problems("import { x } from '@pass/programmes';\nexport const y = x;\n", 'gateway/src/x.ts')).toContain('no-restricted-imports');
  });

  test('the gateway importing the kit, or access, runtime or contracts importing the kit, fails', async () => {
    expect(await problems("import { isUuid } from '@pass/kit';\nexport const y = isUuid;\n", 'gateway/src/x.ts')).toContain('no-restricted-imports');
    for (const below of ['access', 'runtime', 'contracts']) {
      expect(await problems("import { isUuid } from '@pass/kit';\nexport const y = isUuid;\n", `subgraphs/${below}/src/x.ts`)).toContain('no-restricted-imports');
    }
    expect(await problems("import { Role } from '@pass/access';\nexport const y = Role;\n", 'subgraphs/contracts/src/x.ts')).toContain('no-restricted-imports');
  });

  test('the demo loader importing a subgraph fails: it seeds through the gateway', async () => {
    expect(await problems("import { placeOrder } from '@pass/programmes';\nexport const p = placeOrder;\n", 'clients/src/demo/x.ts')).toContain('no-restricted-imports');
    expect(await problems("import { Role } from '@pass/access';\nexport const r = Role;\n", 'clients/src/demo/x.ts')).toEqual([]);
  });

  test('an undeclared dependency fails, a declared one passes', async () => {
    expect(await problems("import fc from 'fast-check';\nexport const f = fc;\n", 'gateway/src/x.ts')).toContain('import-x/no-extraneous-dependencies');
    expect(await problems("import express from 'express';\nexport const e = express;\n", 'gateway/src/x.ts')).toEqual([]);
  });
});

describe('test type-check gate', () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.tests.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;

  test('covers every test file of the repository', () => {
    const tests = ts.sys
      .readDirectory(root, ['.ts'], ['**/node_modules/**', '**/dist/**'], ['**/*.test.ts', '**/*.e2e.ts'])
      .filter((f) => !f.includes('/node_modules/'));
    expect(tests.length).toBeGreaterThan(30);
    const covered = new Set(config.fileNames.map((f) => path.resolve(f)));
    expect(tests.filter((f) => !covered.has(path.resolve(f)))).toEqual([]);
  });

  test('a type error in a test is reported', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gate-')), 'bad.e2e.ts');
    writeFileSync(file, "export const n: number = 'not a number';\n");
    const program = ts.createProgram([file], { ...config.options, types: [] });
    expect(ts.getPreEmitDiagnostics(program).map((d) => d.code)).toContain(2322);
  });
});
