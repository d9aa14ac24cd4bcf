import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { scrape } from './kit/prometheus-text';

const DOCS = path.resolve(__dirname, '..', '..', 'docs');

/** Runs promtool; fails, never skips, when it is missing (Debian's `prometheus` package has it). */
function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: DOCS, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is required (apt-get install prometheus): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges,
 * grouping clauses, function calls and keywords are taken out.
 */
function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?/g)) {
    if (match[2] || ['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan'].includes(match[1]!.toLowerCase())) continue;
    names.add(match[1]!);
  }
  return [...names];
}

describe('the alert rules in docs/alerts.yml', () => {
  test('promtool accepts them', () => {
    const { status, output } = promtool('check', 'rules', 'alerts.yml');
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS: 5 rules found') });
  });

  test('each alert fires on the series that should raise it and not on healthy ones (promtool test rules)', () => {
    const { status, output } = promtool('test', 'rules', 'alerts.test.yml');
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  test('the name extraction finds metric names and nothing else', () => {
    expect(
      metricNamesIn('histogram_quantile(0.99, sum by (le, job) (rate(x_seconds_bucket{route="/graphql", a=~"5.."}[5m]))) > 1 or y_total / z'),
    ).toEqual(['x_seconds_bucket', 'y_total', 'z']);
  });

  describe('against what the hub serves', () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub();
    });
    afterAll(() => hub?.close());

    test('every metric the rules read is exposed by the gateway or a subgraph', async () => {
      const served = new Set<string>();
      for (const url of [hub.gatewayUrl, ...Object.values(hub.subgraphUrls)]) {
        // Declared families count even before their first sample: a histogram serves its parts.
        for (const family of (await scrape(url.replace(/graphql$/, 'metrics'))).families.values()) {
          const parts = family.type === 'HISTOGRAM' ? ['_bucket', '_sum', '_count'] : family.type === 'SUMMARY' ? ['', '_sum', '_count'] : [''];
          for (const part of parts) served.add(`${family.name}${part}`);
        }
      }
      const rules = (parse(readFileSync(path.join(DOCS, 'alerts.yml'), 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] }).groups.flatMap(
        (g) => g.rules,
      );
      expect(rules.map((r) => r.alert)).toEqual(
        expect.arrayContaining(['HubGatewayErrorRate', 'HubGatewayLatencyP99', 'HubEventConsumerLagging', 'HubDatabasePoolSaturated']),
      );
      const missing = rules.flatMap((rule) => metricNamesIn(rule.expr).filter((name) => !served.has(name)).map((name) => `${rule.alert}: ${name}`));
      expect(missing).toEqual([]);
    });
  });
});
