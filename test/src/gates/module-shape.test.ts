import os from 'node:os';
import path from 'node:path';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';

const root = path.resolve(__dirname, '..', '..', '..');
const SUBGRAPHS = ['programmes', 'beneficiaries', 'venues', 'vouchers'];

/** What may sit at the root of a subgraph's `src/` (docs/module-recipe.md). */
const ROOT_FILES = new Set(['index.ts', 'main.ts', 'loaders.ts', 'access.ts']);
/**
 * A statement: SQL written by hand (`.query(`, or a `query(` taken off its object), TypeORM's
 * builder, a repository, or an entity manager's call on an entity class (`tx.save(Book, …)`).
 * Only stores and migrations hold them.
 */
const SQL =
  /(^|[^\w$@])query\s*[(<]|\.query\s*[(<]|createQueryBuilder\s*\(|getRepository\s*[(<]|\.(find|findOne|findBy|findOneBy|findAndCount|save|insert|update|delete|upsert|count|exists|increment|decrement|remove)\s*\(\s*[A-Z]\w*\s*[,)]/;
const holdsStatements = (base: string) => base.endsWith('.store.ts') || base.endsWith('.test.ts');

/** The exported classes of a file: name, whether it is an `@ObjectType` or an `@InputType`, and the types its fields name. */
function classesOf(code: string): { name: string; object: boolean; input: boolean; fieldTypes: string[] }[] {
  const starts = [...code.matchAll(/^export (?:abstract )?class (\w+)/gm)];
  return starts.map((match, i) => {
    // Its decorators sit between the previous class's closing brace and its own `export class`.
    const before = code.slice(0, match.index);
    const decorators = before.slice(before.lastIndexOf('\n}') + 1);
    const body = code.slice(match.index, starts[i + 1]?.index ?? code.length);
    return {
      name: match[1]!,
      object: /@ObjectType\(/.test(decorators),
      input: /@InputType\(/.test(decorators),
      fieldTypes: [...body.matchAll(/@Field\(\s*\(\)\s*=>\s*\[?\s*(\w+)/g)].map((m) => m[1]!),
    };
  });
}

/**
 * An `.inputs.ts` holds a mutation's inputs and payloads: every object type in it is a payload
 * (`…Payload`) or a part of one (a field type of a payload, or of such a part, in the same file).
 * An object type that only answers queries or a stream is output only: an `.objects.ts`.
 */
function outputOnlyInInputs(code: string): string[] {
  const classes = classesOf(code);
  const parts = new Set(classes.filter((c) => c.object && c.name.endsWith('Payload')).map((c) => c.name));
  for (let grown = true; grown; ) {
    grown = false;
    for (const c of classes.filter((k) => parts.has(k.name))) {
      for (const type of c.fieldTypes) if (!parts.has(type) && classes.some((k) => k.object && k.name === type)) grown = Boolean(parts.add(type));
    }
  }
  return classes.filter((c) => c.object && !parts.has(c.name)).map((c) => c.name);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Every way a subgraph's `src/` can drift from the module recipe, as sentences naming the file.
 * A function of the folder so that the test can show it catches a violation it plants itself.
 */
export function recipeProblems(src: string): string[] {
  const problems: string[] = [];
  for (const name of readdirSync(src)) {
    const full = path.join(src, name);
    if (statSync(full).isDirectory()) continue;
    if (!ROOT_FILES.has(name)) problems.push(`${name}: a loose file at the root of src/ (it belongs to an entity folder)`);
    else if (SQL.test(readFileSync(full, 'utf8'))) problems.push(`${name}: SQL outside a store`);
  }
  const resolverHomes = new Map<string, string>();
  for (const folder of readdirSync(src).filter((n) => n !== 'migrations' && statSync(path.join(src, n)).isDirectory())) {
    const dir = path.join(src, folder);
    const files = filesUnder(dir).map((f) => path.relative(src, f));
    for (const file of files.filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(path.join(src, file), 'utf8');
      const base = path.basename(file);
      if (SQL.test(code) && !holdsStatements(base)) {
        problems.push(`${file}: SQL outside a store`);
      }
      if (/\.types?\.ts$/.test(base)) problems.push(`${file}: inputs, payloads and error codes live in <entity>.inputs.ts, output-only object types in <entity>.objects.ts`);
      if (base.endsWith('.inputs.ts')) {
        for (const name of outputOnlyInInputs(code)) problems.push(`${file}: ${name} is an output-only object type (no payload holds it): it lives in <entity>.objects.ts`);
      }
      if (base.endsWith('.objects.ts')) {
        for (const c of classesOf(code).filter((k) => k.input || k.name.endsWith('Payload'))) problems.push(`${file}: ${c.name} is an input or a payload: it lives in <entity>.inputs.ts`);
      }
      if (/@key\(/.test(code) && !base.endsWith('.entity.ts') && !base.endsWith('.test.ts')) problems.push(`${file}: an entity (a type with a federation key) lives in <entity>.entity.ts`);
      // One resolver class per GraphQL type, in one folder: following a field by file names finds it.
      for (const match of code.matchAll(/@Resolver\(\s*\(\)\s*=>\s*(\w+)/g)) {
        const type = match[1]!;
        const home = resolverHomes.get(type);
        if (home !== undefined && home !== file) problems.push(`${file}: a second resolver class for ${type} (the first is in ${home})`);
        else if (home === file) problems.push(`${file}: two resolver classes for ${type}`);
        resolverHomes.set(type, file);
      }
    }
    // A mutation is served resolver → manager → store: its folder has the inputs and the manager.
    if (files.some((f) => f.endsWith('.resolver.ts') && /@Mutation\(/.test(readFileSync(path.join(src, f), 'utf8')))) {
      for (const kind of ['inputs', 'manager']) {
        if (!files.some((f) => f.endsWith(`.${kind}.ts`))) problems.push(`${folder}/: a mutation without its ${kind} file`);
      }
    }
    // Every table has a store in its folder, every entity with a federation key its reference.
    const entities = files.filter((f) => f.endsWith('.entity.ts')).map((f) => [f, readFileSync(path.join(src, f), 'utf8')] as const);
    if (entities.some(([, code]) => /@Entity\(/.test(code)) && !files.some((f) => f.endsWith('.store.ts'))) {
      problems.push(`${folder}/: tables without a store`);
    }
    // A stub of another subgraph's entity (a key and nothing stored) resolves by the default reference.
    if (entities.some(([, code]) => /@key\(/.test(code) && /@Entity\(/.test(code)) && !files.some((f) => f.endsWith('.reference.ts'))) {
      problems.push(`${folder}/: an entity with a key and no reference file`);
    }
    for (const reference of files.filter((f) => f.endsWith('.reference.ts'))) {
      if (!/referenceBy\(/.test(readFileSync(path.join(src, reference), 'utf8'))) problems.push(`${reference}: a reference is one line on the kit's referenceBy`);
    }
  }
  return problems;
}

describe('the module recipe (docs/module-recipe.md)', () => {
  test.each(SUBGRAPHS)('the %s subgraph follows it', (subgraph) => {
    expect(recipeProblems(path.join(root, 'subgraphs', subgraph, 'src'))).toEqual([]);
  });

  test('redeemVoucher can be followed by file names alone down to its store', () => {
    const folder = path.join(root, 'subgraphs', 'vouchers', 'src', 'redemption');
    expect(readFileSync(path.join(folder, 'redemption.resolver.ts'), 'utf8')).toMatch(/redeemVoucher\s*\(/);
    expect(readFileSync(path.join(folder, 'redemption.manager.ts'), 'utf8')).toMatch(/from '\.\/redemption\.store'/);
    expect(readFileSync(path.join(folder, 'redemption.store.ts'), 'utf8')).toMatch(/INSERT INTO redemption/i);
  });

  test('it catches SQL outside a store, a loose root file, a table without a store, a mutation without its manager, an entity outside its entity file, a second resolver class, an output-only object type among the inputs and an input among the objects', () => {
    const src = mkdtempSync(path.join(os.tmpdir(), 'recipe-'));
    mkdirSync(path.join(src, 'order'));
    mkdirSync(path.join(src, 'programme'));
    mkdirSync(path.join(src, 'funder'));
    writeFileSync(path.join(src, 'index.ts'), '');
    writeFileSync(path.join(src, 'loaders.ts'), 'const { query } = pool;\nexport const rows = query(`select 1`);\n');
    writeFileSync(path.join(src, 'funder', 'funder.resolver.ts'), '@Mutation(() => FunderPayload) registerFunder() {}\n');
    writeFileSync(path.join(src, 'funder', 'funder.inputs.ts'), "@ObjectType() @Directive('@key(fields: \"id\")') class FunderRef {}\n");
    writeFileSync(path.join(src, 'funder', 'funder.store.ts'), 'await tx.save(Funder, funder);\n');
    writeFileSync(path.join(src, 'funder', 'funder.helper.ts'), 'export const all = (tx) => tx.getRepository(Funder).find();\n');
    writeFileSync(path.join(src, 'programme', 'programme.manager.ts'), 'await tx.findOneBy(Programme, { id });\nawait answers.find((a) => a.ok);\nnew Map().delete(key);\n');
    writeFileSync(path.join(src, 'cents.ts'), 'export const c = 1;\n');
    writeFileSync(path.join(src, 'order', 'order.entity.ts'), "@Entity('order') @Directive('@key(fields: \"id\")') class Order {}\n");
    writeFileSync(path.join(src, 'order', 'order.manager.ts'), "await ds.query('UPDATE \"order\" SET paid = true');\n");
    writeFileSync(path.join(src, 'order', 'order.resolver.ts'), '@Resolver(() => Programme) class A {}\n');
    writeFileSync(path.join(src, 'programme', 'programme.resolver.ts'), '@Resolver(() => Programme) class B {}\n');
    writeFileSync(
      path.join(src, 'programme', 'programme.inputs.ts'),
      [
        '@InputType()\nexport class CreateProgrammeInput {\n  @Field()\n  name!: string;\n}',
        '@ObjectType()\nexport class Budget {\n  @Field(() => Int)\n  cents!: number;\n}',
        '@ObjectType()\nexport class CreateProgrammePayload {\n  @Field(() => [Budget])\n  budgets!: Budget[];\n}',
        "@ObjectType({ description: 'A day (of redemptions).' })\nexport class DailyRedemptions {\n  @Field(() => Int)\n  count!: number;\n}",
      ].join('\n\n') + '\n',
    );
    writeFileSync(
      path.join(src, 'programme', 'programme.objects.ts'),
      '@ObjectType()\nexport class ProgrammeTotals {\n  @Field(() => Int)\n  n!: number;\n}\n\n@InputType()\nexport class TotalsFilter {\n  @Field()\n  q!: string;\n}\n',
    );
    expect(recipeProblems(src).sort()).toEqual([
      'cents.ts: a loose file at the root of src/ (it belongs to an entity folder)',
      'loaders.ts: SQL outside a store',
      'order/order.manager.ts: SQL outside a store',
      'funder/funder.helper.ts: SQL outside a store',
      'programme/programme.manager.ts: SQL outside a store',
      'funder/: a mutation without its manager file',
      'funder/funder.inputs.ts: an entity (a type with a federation key) lives in <entity>.entity.ts',
      'programme/programme.resolver.ts: a second resolver class for Programme (the first is in order/order.resolver.ts)',
      'order/: tables without a store',
      'order/: an entity with a key and no reference file',
      'programme/programme.inputs.ts: DailyRedemptions is an output-only object type (no payload holds it): it lives in <entity>.objects.ts',
      'programme/programme.objects.ts: TotalsFilter is an input or a payload: it lives in <entity>.inputs.ts',
    ].sort());
  });
});
