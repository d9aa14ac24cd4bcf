import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '@pass/access';
import { partnerOperations } from '@pass/clients';
import type { Browser } from 'playwright-core';
import { startTestHub, type TestHub } from '../kit';
import { launchBrowser, offlineContext } from '../kit/browser';

/**
 * GraphiQL as an analyst uses it, on a closed network: the page, its scripts, styles and fonts all
 * come from the gateway. The hub runs in production mode, where partner roles are held to the
 * registered operations and cannot introspect, and analysts still explore.
 */
describe('GraphiQL at /graphiql', () => {
  let hub: TestHub;
  let browser: Browser;
  let base: string;
  const INTROSPECT = '{ __schema { queryType { name } } }';

  beforeAll(async () => {
    hub = await startTestHub({ demo: true, persistedOnly: true });
    base = hub.gatewayUrl.replace(/\/graphql$/, '');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('loads offline without a token; an analyst token runs a query and the result shows', async () => {
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    const answer = await page.goto(`${base}/graphiql`);
    expect(answer?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor();
    await expect(page.getByTestId('token-state').textContent()).resolves.toContain('No token');
    // One tab per registered operation, after the analyst's overview.
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(1 + partnerOperations().length);

    const analyst = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'evaluation-team' });
    // Without a token the page's first introspection was refused; the token's one is awaited here.
    const introspected = page.waitForResponse(
      (r) => r.url() === hub.gatewayUrl && (r.request().postData() ?? '').includes('__schema') && r.request().headers().authorization !== undefined,
    );
    await page.locator('input[name=token]').fill(analyst);
    await page.getByRole('button', { name: 'Use token' }).click();
    const introspection = await introspected;
    expect(introspection.status()).toBe(200);
    expect(introspection.request().headers().authorization).toBe(`Bearer ${analyst}`);
    await expect(page.getByTestId('token-state').textContent()).resolves.toContain('Signed in as analyst evaluation-team');

    // The first tab is the analyst's overview of every programme.
    await page.locator('.graphiql-tab').first().click();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('Pass numérique Creil Sud Oise').waitFor();
    await expect(result.textContent()).resolves.toContain('"vouchersRedeemed": 25');
    await page.setViewportSize({ width: 1400, height: 800 });
    // The README's screenshot changes with every run (ids, dates): rewritten only when asked.
    const screenshot = await page.screenshot();
    if (process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots', 'graphiql.png'), screenshot);

    // The token lives for the browser session: a reload keeps it, a new session does not have it.
    await page.reload();
    await page.locator('.graphiql-container').waitFor();
    await expect(page.locator('input[name=token]').inputValue()).resolves.toBe(analyst);
    const other = await context.browser()!.newContext();
    const fresh = await other.newPage();
    await fresh.goto(`${base}/graphiql`);
    await fresh.locator('.graphiql-container').waitFor();
    await expect(fresh.locator('input[name=token]').inputValue()).resolves.toBe('');
    await other.close();

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('serves the page and its assets with no token, and only its own origin in the content policy', async () => {
    const html = await fetch(`${base}/graphiql`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'self'");
    const text = await html.text();
    expect(text).toContain('/graphiql/page.js');
    expect(text).not.toMatch(/https?:\/\//);
    const script = await fetch(`${base}/graphiql/page.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const tabs = (await (await fetch(`${base}/graphiql/operations.json`)).json()) as { role: string; query: string; variables: string }[];
    // 'partner': the report operations (report-*.graphql), which several roles run.
    expect([...new Set(tabs.map((t) => t.role))]).toEqual(['analyst', 'coordinator', 'distributor', 'funder', 'operator', 'partner', 'venue']);
    expect(JSON.parse(tabs.find((t) => t.role === 'funder' && t.query.includes('query FunderProgrammes'))!.variables)).toEqual({ funderId: '' });
  });

  // Operators may introspect too, but in production mode only analysts may send ad hoc operations at all.
  it('lets an analyst introspect in production mode', async () => {
    const { status, body } = await hub.graphqlAs(await hub.tokenFor({ role: Role.ANALYST }), INTROSPECT);
    expect(status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it.each([Role.FUNDER, Role.DISTRIBUTOR, Role.VENUE, Role.COORDINATOR])('refuses introspection to a %s in production mode', async (role) => {
    const token = await hub.tokenFor({ role });
    for (const query of [INTROSPECT, '{ __type(name: "Programme") { name } }', 'query { ...F } fragment F on Query { __schema { types { name } } }']) {
      const { status, body } = await hub.graphqlAs(token, query);
      expect(status).toBe(403);
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^(INTROSPECTION_DISABLED|PERSISTED_OPERATION_REQUIRED)$/);
    }
  });
});

describe('introspection decided per role, configurable', () => {
  let hub: TestHub;
  const INTROSPECT = '{ __schema { queryType { name } } }';

  // Outside production mode, so that a refusal can only come from the introspection rule.
  beforeAll(async () => {
    hub = await startTestHub({ gateway: { introspectionRoles: [Role.ANALYST] } });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('opens it to the configured roles only', async () => {
    const analyst = await hub.graphqlAs(await hub.tokenFor({ role: Role.ANALYST }), INTROSPECT);
    expect(analyst.status).toBe(200);
    const operator = await hub.graphqlAs(await hub.tokenFor({ role: Role.OPERATOR }), '{ __type(name: "Programme") { name } }');
    expect(operator.status).toBe(403);
    expect(operator.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
  });

  it('refuses a partner role introspection, even inside a fragment, but not its ordinary queries or __typename', async () => {
    const funder = await hub.tokenFor({ role: Role.FUNDER });
    const hidden = await hub.graphqlAs(funder, 'query { ...F } fragment F on Query { __schema { types { name } } }');
    expect(hidden.status).toBe(403);
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    expect(hidden.body.data).toBeUndefined();
    const ordinary = await hub.graphqlAs(funder, '{ __typename programmes { __typename name } }');
    expect(ordinary.status).toBe(200);
    expect(ordinary.body.data.__typename).toBe('Query');
  });
});
