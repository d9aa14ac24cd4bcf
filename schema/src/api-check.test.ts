import { readFileSync } from 'node:fs';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { buildSchema, GraphQLNonNull, printSchema, type GraphQLSchema } from 'graphql';
import { acknowledgedBreakingChanges, baselineId, breakingChanges, releasedBaselineId, unacknowledgedBreakingChanges, describeChanges } from './api-check';
import { apiBaselinePath, apiSchemaPath, changelogPath } from './paths';

const baseline = readFileSync(apiBaselinePath, 'utf8');
const api = readFileSync(apiSchemaPath, 'utf8');
const changelog = readFileSync(changelogPath, 'utf8');

/** A changelog whose Unreleased section acknowledges the given paths as breaking. */
const changelogAcknowledging = (...paths: string[]) =>
  `# Changelog\n\n## Unreleased\n\n### Breaking\n${paths.map((p) => `- \`${p}\`: partners must adapt.`).join('\n')}\n\n### Added\n\n## 2026-11-30 — baseline sha256:${baselineId(baseline)}\n`;

const edit = (sdl: string, change: (schema: GraphQLSchema) => GraphQLSchema) => printSchema(change(buildSchema(sdl)));

/**
 * The baseline with three deliberate breaking changes: a field removed, an argument made required, a
 * field made nullable. Built from the baseline, not the API, so that the API's own acknowledged
 * breaking changes do not change what these tests expect.
 */
const broken = edit(baseline, (schema) =>
  mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, name, typeName) => {
      if (typeName === 'Programme' && name === 'budgetCents') return null;
      if (typeName === 'Programme' && name === 'name') return { ...field, type: (field.type as GraphQLNonNull<any>).ofType };
      if (typeName === 'Venue' && name === 'amountDueCents' && field.args?.month) {
        return { ...field, args: { ...field.args, month: { ...field.args.month, type: new GraphQLNonNull(field.args.month.type as any) } } };
      }
      return field;
    },
  }),
);

describe('breaking-change check of the API schema against its baseline', () => {
  test('schema/api.graphql has no breaking change that CHANGELOG.md does not acknowledge', async () => {
    const unacknowledged = await unacknowledgedBreakingChanges(baseline, api, changelog);
    expect(describeChanges(unacknowledged)).toBe('');
  });

  test('the baseline changes only with a CHANGELOG.md release naming its hash', () => {
    expect(releasedBaselineId(changelog)).toBe(baselineId(baseline));
    expect(releasedBaselineId(changelog)).not.toBe(baselineId(`${baseline}\ntype Extra { id: ID }\n`));
  });

  test('a deliberately broken schema fails the check, naming each breaking change by its path', async () => {
    const unacknowledged = await unacknowledgedBreakingChanges(baseline, broken, changelog);
    expect(unacknowledged.map((c) => c.path).sort()).toEqual(['Programme.budgetCents', 'Programme.name', 'Venue.amountDueCents.month']);
    expect(unacknowledged.map((c) => c.type).sort()).toEqual(['FIELD_ARGUMENT_TYPE_CHANGED', 'FIELD_REMOVED', 'FIELD_TYPE_CHANGED']);
  });

  test('the same breaking changes pass once the Unreleased section acknowledges every one of them, and only then', async () => {
    expect(await unacknowledgedBreakingChanges(baseline, broken, changelogAcknowledging('Programme.budgetCents', 'Programme.name', 'Venue.amountDueCents.month'))).toEqual([]);
    const partly = await unacknowledgedBreakingChanges(baseline, broken, changelogAcknowledging('Programme.budgetCents'));
    expect(partly.map((c) => c.path).sort()).toEqual(['Programme.name', 'Venue.amountDueCents.month']);
  });

  test('an acknowledgement counts only under Unreleased → Breaking, not under Added or an old release', async () => {
    const misplaced = [
      '# Changelog',
      '## Unreleased',
      '### Added',
      '- `Programme.budgetCents` removed',
      '## 2026-01-01 — baseline sha256:000000000000',
      '### Breaking',
      '- `Programme.name` nullable',
    ].join('\n');
    expect([...acknowledgedBreakingChanges(misplaced)]).toEqual([]);
    expect(await unacknowledgedBreakingChanges(baseline, broken, misplaced)).toHaveLength(3);
  });

  test('additions pass without a changelog entry: a new type, field, optional argument and mutation', async () => {
    const added = edit(api, (schema) =>
      buildSchema(
        `${printSchema(schema)}
        type Extra { id: ID! note: String }
        extend type Programme { extra(limit: Int): [Extra!]! }
        extend type Mutation { recordExtra(note: String!): Extra! }`,
      ),
    );
    const changes = await breakingChanges(baseline, added);
    expect(changes.filter((c) => /Extra|extra/.test(c.path))).toEqual([]);
    expect(await unacknowledgedBreakingChanges(baseline, added, changelog)).toEqual([]);
  });
});
