import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** page.evaluate callbacks run in the browser; the test program has no DOM types, so these stand in. */
declare const document: any;

/** Where the tests leave the screenshots the README shows. */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The gateway's origin, e.g. http://127.0.0.1:41234, from its /graphql URL. */
export const originOf = (gatewayUrl: string) => new URL(gatewayUrl).origin;

/** Waits until the element's text matches, and returns it (fails with what it last saw). */
export async function waitForText(page: Page, selector: string, pattern: RegExp, timeout = 10_000): Promise<string> {
  try {
    await page.waitForFunction(
      ({ selector, source, flags }) => new RegExp(source, flags).test(document.querySelector(selector)?.textContent ?? ''),
      { selector, source: pattern.source, flags: pattern.flags },
      { timeout, polling: 50 },
    );
  } catch (err) {
    const seen = await page.locator(selector).first().textContent().catch(() => null);
    throw new Error(`${selector} never matched ${pattern} within ${timeout} ms; it showed ${JSON.stringify(seen)} (${(err as Error).message.split('\n')[0]})`);
  }
  return (await page.locator(selector).first().textContent()) ?? '';
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (evaluated through the debugging protocol, so the page's own
 * Content-Security-Policy, which forbids inline scripts, does not block it) and returns the
 * serious and critical violations, WCAG 2.1 A and AA rules: the RGAA's basis.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Counts the GraphQL requests a page sends, by operation hash or name, as they leave the browser. */
export function countGraphqlRequests(page: Page): { total: () => number } {
  let total = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') total += 1;
  });
  return { total: () => total };
}
