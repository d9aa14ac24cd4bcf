import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { apiBaselinePath, apiSchemaPath, changelogPath } from './paths';

/**
 * The breaking-change check between the published API (`schema/api.baseline.graphql`) and the
 * one the code composes now (`schema/api.graphql`), with `@graphql-inspector/core`.
 *
 * How CHANGELOG.md acknowledges a change (its header says the same to its readers):
 * - a breaking change passes only when a bullet under `## Unreleased` → `### Breaking` names its
 *   path in backticks (`Programme.budget`, `Query.programme.id` for an argument, `BookState.LOST`
 *   for an enum value); a change without a path is named by its type (`SCHEMA_QUERY_TYPE_CHANGED`);
 * - additions and other non-breaking or dangerous changes need no entry;
 * - the baseline is refreshed only by a release: the newest `## ` heading below Unreleased names
 *   the baseline's SHA-256 as `baseline sha256:<first 12 hex digits>`.
 */
export interface SchemaChange {
  /** `Type.field`, `Type.field.argument`, `Enum.VALUE`, or the change type when it has no path. */
  path: string;
  type: string;
  message: string;
}

export async function breakingChanges(baselineSdl: string, apiSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(baselineSdl), buildSchema(apiSdl));
  return changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((c) => ({ path: c.path ?? c.type, type: c.type, message: c.message }));
}

/** The lines of a `## ` section whose heading matches, up to the next `## ` heading. */
function section(lines: string[], level: '## ' | '### ', heading: RegExp): string[] {
  const start = lines.findIndex((l) => l.startsWith(level) && heading.test(l.slice(level.length).trim()));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && (l.startsWith('## ') || (level === '### ' && l.startsWith('### '))));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The paths (and change types) that the Unreleased section of the changelog declares as breaking. */
export function acknowledgedBreakingChanges(changelog: string): Set<string> {
  const unreleased = section(changelog.split('\n'), '## ', /^unreleased\b/i);
  const breaking = section(unreleased, '### ', /^breaking\b/i);
  const named = breaking.filter((l) => /^\s*[-*] /.test(l)).flatMap((l) => [...l.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()));
  return new Set(named);
}

export async function unacknowledgedBreakingChanges(baselineSdl: string, apiSdl: string, changelog: string): Promise<SchemaChange[]> {
  const acknowledged = acknowledgedBreakingChanges(changelog);
  return (await breakingChanges(baselineSdl, apiSdl)).filter((c) => !acknowledged.has(c.path));
}

export const baselineId = (baselineSdl: string) => createHash('sha256').update(baselineSdl).digest('hex').slice(0, 12);

/** The baseline id named by the newest release: the first `## ` heading that names a baseline. */
export function releasedBaselineId(changelog: string): string | undefined {
  for (const line of changelog.split('\n')) {
    const id = line.startsWith('## ') ? /baseline sha256:([0-9a-f]{12})\b/.exec(line)?.[1] : undefined;
    if (id) return id;
  }
  return undefined;
}

export function describeChanges(changes: SchemaChange[]): string {
  return changes.map((c) => `- \`${c.path}\` (${c.type}): ${c.message}`).join('\n');
}

/** `node schema/dist/api-check.js`: the check of the checked-in files, as CI runs it in a test. */
async function main(): Promise<void> {
  const [baseline, api, changelog] = [apiBaselinePath, apiSchemaPath, changelogPath].map((p) => readFileSync(p, 'utf8')) as [string, string, string];
  const problems: string[] = [];
  if (releasedBaselineId(changelog) !== baselineId(baseline)) {
    problems.push(`schema/api.baseline.graphql is ${baselineId(baseline)} but the newest CHANGELOG.md release names ${releasedBaselineId(changelog) ?? 'no baseline'}`);
  }
  const breaking = await breakingChanges(baseline, api);
  const unacknowledged = await unacknowledgedBreakingChanges(baseline, api, changelog);
  if (unacknowledged.length > 0) problems.push(`breaking changes not in CHANGELOG.md (## Unreleased → ### Breaking):\n${describeChanges(unacknowledged)}`);
  console.log(`${breaking.length} breaking change(s) since the baseline, ${unacknowledged.length} not acknowledged`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
