import { spawnSync } from 'node:child_process';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** One metric family as the Prometheus text-format parser returns it. */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: { labels?: Record<string, string>; value?: string }[];
}

export interface Scrape {
  text: string;
  /** Families as declared (name, HELP, TYPE). */
  families: Map<string, MetricFamily>;
  /**
   * Every series by its own name, histograms' `_bucket`, `_sum` and `_count` included with their
   * labels. The parser folds a histogram's label sets into one, so the text is parsed a second
   * time with histograms declared untyped, which keeps each series as written.
   */
  series: Map<string, MetricFamily>;
}

function byName(families: MetricFamily[]): Map<string, MetricFamily> {
  const map = new Map<string, MetricFamily>();
  for (const family of families) if (!map.has(family.name) || family.metrics.length > 0) map.set(family.name, family);
  return map;
}

/** Fetches a `/metrics` page and parses it with a Prometheus text-format parser. */
export async function scrape(url: string): Promise<Scrape> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  if (!/^text\/plain; version=0\.0\.4/.test(response.headers.get('content-type') ?? '')) throw new Error(`${url} is not Prometheus text`);
  const text = await response.text();
  const families = byName(parsePrometheusTextFormat(text) as MetricFamily[]);
  const series = byName(parsePrometheusTextFormat(text.replace(/^(# TYPE \S+) histogram$/gm, '$1 untyped')) as MetricFamily[]);
  return { text, families, series };
}

/** The value of the series `name` whose labels include `labels`; 0 when there is none yet. */
export function sampleValue(scraped: Scrape, name: string, labels: Record<string, string> = {}): number {
  const sample = scraped.series.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return sample ? Number(sample.value) : 0;
}

/** prom-client's default Node.js gauges carry `_total` in their names; not ours to rename. */
const PROM_CLIENT_LINT = new Set(['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']);

/**
 * Runs Prometheus's own parser and linter (`promtool check metrics`) on the text: it must parse,
 * and the only lint findings allowed are prom-client's default gauges named `…_total`.
 * Fails when promtool is missing (Debian's `prometheus` package provides it; CI installs it).
 */
export function promtoolFindings(text: string): string[] {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is required (apt-get install prometheus): ${run.error.message}`);
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean);
  // Exit 3 means linted with findings; anything else but 0 is a parse failure.
  if (run.status !== 0 && run.status !== 3) throw new Error(`promtool could not parse the metrics: ${lines.join('; ')}`);
  return lines.filter((line) => !PROM_CLIENT_LINT.has(line.split(' ')[0]!));
}
