import os from 'node:os';
import path from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * Declared dependencies that no import names, each with why it stays. The lint's
 * `import-x/no-extraneous-dependencies` catches the other direction (an import not declared).
 */
export const DECLARED_WITHOUT_IMPORT: Record<string, string> = {
  'subgraphs/kit reflect-metadata': "type-graphql's and TypeORM's decorators need it loaded; each process's entry point imports it",
  'test eslint': 'the lint gate test runs its CLI (node_modules/eslint/bin) as CI does',
};

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

const readJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

/** The package a specifier names: `@scope/name/x` → `@scope/name`, `name/x` → `name`. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every package a folder's sources name: imports, `import()`, `require()` and `require.resolve()`. */
export function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(dir)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire(?:\.resolve)?\(\s*)['"`]([^'"`./$][^'"`$]*)/g)) {
      if (!m[1]!.startsWith('node:')) found.add(packageOf(m[1]!));
    }
  }
  return found;
}

/** The installed `package.json` of a dependency: the package's own `node_modules`, then the root's. */
const manifestOf = (name: string, packageDir: string): string | undefined =>
  [packageDir, root].map((base) => path.join(base, 'node_modules', name, 'package.json')).find((f) => existsSync(f));

/**
 * A package's declared dependencies (production and development) that neither its sources import,
 * nor its scripts run (a binary of it, such as `tsc`), nor a package it imports asks for as a peer
 * (type-graphql's `graphql`). `@types/*` are left to the type check.
 */
export function unusedDependencies(packageDir: string, allowed: Record<string, string>, label = path.relative(root, packageDir)): string[] {
  const pkg = readJson(path.join(packageDir, 'package.json'));
  const imported = importedPackages(packageDir);
  const scripts = Object.values(pkg.scripts ?? {}).join(' ');
  const peers = new Set<string>();
  for (const name of imported) {
    const manifest = manifestOf(name, packageDir);
    if (manifest) for (const peer of Object.keys(readJson(manifest).peerDependencies ?? {})) peers.add(peer);
  }
  const words = new Set(scripts.split(/[\s;&|()]+/));
  const runByScript = (dep: string) => {
    const manifest = manifestOf(dep, packageDir);
    const bin = manifest && (readJson(manifest) as PackageJson & { bin?: string | Record<string, string> }).bin;
    const bins = typeof bin === 'string' ? [packageOf(dep).split('/').pop()!] : Object.keys(bin ?? {});
    return bins.some((b) => words.has(b));
  };
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((dep) => !dep.startsWith('@types/') && !imported.has(dep) && !peers.has(dep) && !runByScript(dep) && !allowed[`${label} ${dep}`])
    .map((dep) => `${label}: ${dep} is declared and never imported`);
}

const WORKSPACES = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;

describe('dependency lists match the imports', () => {
  test.each(WORKSPACES)('%s declares only what it imports', (workspace) => {
    expect(unusedDependencies(path.join(root, workspace), DECLARED_WITHOUT_IMPORT)).toEqual([]);
  });

  test('the allowlist names only declared dependencies that no import names', () => {
    for (const entry of Object.keys(DECLARED_WITHOUT_IMPORT)) {
      const [workspace, dep] = entry.split(' ') as [string, string];
      expect(unusedDependencies(path.join(root, workspace), {}).filter((p) => p.startsWith(`${workspace}: ${dep} `))).toHaveLength(1);
    }
  });

  test('it catches a declared package that is never imported, and passes imports, peers and scripts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'deps-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        scripts: { build: 'tsc -p tsconfig.json' },
        dependencies: { 'type-graphql': '*', graphql: '*', pino: '*', '@opentelemetry/api': '*', 'left-pad': '*' },
        devDependencies: { typescript: '*', 'fast-check': '*' },
      }),
    );
    writeFileSync(path.join(dir, 'src', 'x.ts'), "import { Field } from 'type-graphql';\nconst pino = require('pino');\nexport const api = import('@opentelemetry/api/build/src');\n");
    expect(unusedDependencies(dir, {}, 'planted').sort()).toEqual([
      'planted: fast-check is declared and never imported',
      'planted: left-pad is declared and never imported',
    ]);
  });
});
