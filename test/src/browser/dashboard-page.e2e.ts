import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '@pass/access';
import { createGateway, manifestFromPersistedDocuments, type Gateway } from '@pass/gateway';
import { builtPagesDir, persistedDocuments } from '@pass/clients';
import { readSupergraph } from '@pass/schema';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { launchBrowser, offlineContext } from '../kit/browser';
import { gql, handOutFreshBook, redeem, scheduleSessions, venueToken } from '../kit/fixtures';
import { SCREENSHOTS, originOf, seriousViolations, waitForText } from './pages-kit';

/** page.evaluate callbacks run in the browser; the test program has no DOM types, so this stands in. */
declare const document: any;

/*
 * The coordinator dashboard at /dashboard, in Debian's chromium with every host but loopback
 * blocked. The live tests need the `redemptionRecorded` subscription over graphql-ws on /graphql.
 */
const FIGURES = `query($id: ID!) { programme(id: $id) { vouchersRedeemed redeemedAmountCents booksIssued booksHandedOut daysLeft } }`;
const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const KPIS = ['#kpi-vouchers', '#kpi-amount', '#kpi-budget', '#kpi-issued', '#kpi-handed-out', '#kpi-days-left'];

describe('coordinator dashboard (/dashboard)', () => {
  let hub: TestHub;
  let browser: Browser;
  let coordinator: string;
  let programmeId: string;
  let sessionId: string;
  let atVenue: string;
  let vouchers: string[];
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    programmeId = hub.demo!.programmes.cso;
    coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [programmeId] });
    const venueId = hub.demo!.venues.compagnons!;
    [sessionId] = (await scheduleSessions(hub, venueId, 1, 40)) as [string];
    atVenue = await venueToken(hub, venueId);
    const books = await Promise.all([0, 1, 2, 3].map(() => handOutFreshBook(hub, programmeId, hub.demo!.distributors.peNogent!)));
    vouchers = books.map((b) => b.voucherCodes[0]!);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await browser?.close();
    await hub?.close();
  });

  async function dashboard(): Promise<{ page: Page; blocked: string[] }> {
    const { context, blocked } = await offlineContext(browser);
    open.push(context);
    const page = await context.newPage();
    await page.goto(`${originOf(hub.gatewayUrl)}/dashboard`);
    await page.fill('#token', coordinator);
    await page.press('#token', 'Enter');
    await page.waitForSelector('#choose:not([hidden])');
    await page.selectOption('#programme', programmeId);
    // By keyboard: from the list to the "Afficher" button.
    await page.focus('#programme');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    try {
      await page.waitForSelector('#board:not([hidden])', { timeout: 15_000 });
    } catch {
      throw new Error(`the board did not show; the page said: ${await page.textContent('#load-error')} ${await page.textContent('#sign-in-error')}`);
    }
    return { page, blocked };
  }

  const kpis = (page: Page) => Promise.all(KPIS.map((k) => page.textContent(k)));

  test('signed in, a programme picked: the figures are the API\'s, nothing loaded from another host, no serious axe violation', async () => {
    const { page, blocked } = await dashboard();
    const api = (await gql(hub, FIGURES, { id: programmeId }, coordinator)).programme;
    await waitForText(page, '#kpi-vouchers', new RegExp(`^${fr(api.vouchersRedeemed)}$`));
    expect(await page.textContent('#kpi-issued')).toBe(fr(api.booksIssued));
    expect(await page.textContent('#kpi-handed-out')).toBe(fr(api.booksHandedOut));
    expect(await page.textContent('#kpi-days-left')).toBe(fr(api.daysLeft));
    expect(await page.locator('#venues tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#departements tbody th').first().textContent()).toBe('Oise (60)');
    expect(await seriousViolations(page)).toEqual([]);
    expect(blocked).toEqual([]);
    // Replaced by the live test's, with a row in the feed, when the subscription answers.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
  });

  test('a redemption made through the API shows in the live feed and moves the KPIs', async () => {
    const { page } = await dashboard();
    await waitForText(page, '#connection', /En direct/);
    const before = await kpis(page);
    const answer = await redeem(hub, atVenue, { voucherCode: vouchers[0]!, sessionId });
    const committed = Date.now();
    expect(answer.redemption).not.toBeNull();
    await page.waitForSelector(`#feed li[data-redemption="${answer.redemption!.id}"]`, { timeout: 10_000 });
    const onScreen = Date.now();
    console.log(`dashboard: redemption committed → row on screen in ${onScreen - committed} ms`);
    const api = (await gql(hub, FIGURES, { id: programmeId }, coordinator)).programme;
    await waitForText(page, '#kpi-vouchers', new RegExp(`^${fr(api.vouchersRedeemed)}$`));
    expect(await kpis(page)).not.toEqual(before);
    expect(await page.textContent('#feed li:first-child')).toContain('Les Compagnons');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
  });

  test('the gateway stopped and restarted: the dashboard reconnects by itself, shows what was redeemed meanwhile, and its totals equal a fresh load', async () => {
    const { page } = await dashboard();
    await waitForText(page, '#connection', /En direct/);
    const seen = await redeem(hub, atVenue, { voucherCode: vouchers[1]!, sessionId });
    await page.waitForSelector(`#feed li[data-redemption="${seen.redemption!.id}"]`, { timeout: 10_000 });

    const port = Number(new URL(hub.gatewayUrl).port);
    const options = {
      supergraphSdl: readSupergraph(),
      subgraphUrls: hub.subgraphUrls,
      keys: hub.keys,
      operations: manifestFromPersistedDocuments(persistedDocuments()),
      pagesDir: builtPagesDir,
    };
    // The hub's own gateway goes: its process stopped (processes layout) or the object closed (single).
    const gatewayProcess = hub.processes?.gateway;
    if (gatewayProcess) await gatewayProcess.stop();
    else await hub.gateway.close();
    await waitForText(page, '#connection', /Reconnexion|Hors ligne/);

    // Meanwhile, the venue redeems through another gateway process of the hub.
    const other: Gateway = await createGateway(options);
    const otherUrl = await other.listen(0);
    const meanwhile: string[] = [];
    for (const code of vouchers.slice(2, 4)) {
      const response = await fetch(otherUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${atVenue}` },
        body: JSON.stringify({
          query: `mutation($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id } error { code } } }`,
          variables: { input: { voucherCode: code, sessionId, idempotencyKey: `restart-${code}` } },
        }),
      });
      const body = await response.json();
      meanwhile.push(body.data.redeemVoucher.redemption.id);
    }
    await other.close();

    // Back on the same port: the same process started again, or a new gateway object.
    let restarted: { close(): Promise<void> };
    if (gatewayProcess) {
      await gatewayProcess.start();
      restarted = { close: async () => undefined }; // the hub's own process: hub.close() stops it
    } else {
      const gateway = await createGateway(options);
      await gateway.listen(port);
      restarted = gateway;
    }
    try {
      await waitForText(page, '#connection', /En direct/, 30_000);
      for (const id of meanwhile) await page.waitForSelector(`#feed li[data-redemption="${id}"]`, { timeout: 10_000 });
      // Each redemption once, however the reconnection went.
      const rows = await page.evaluate(() => Array.from(document.querySelectorAll('#feed li')).map((li: any) => li.dataset.redemption));
      expect(new Set(rows).size).toBe(rows.length);

      const api = (await gql(hub, FIGURES, { id: programmeId }, coordinator)).programme;
      await waitForText(page, '#kpi-vouchers', new RegExp(`^${fr(api.vouchersRedeemed)}$`));
      const fresh = await dashboard();
      await waitForText(fresh.page, '#kpi-vouchers', new RegExp(`^${fr(api.vouchersRedeemed)}$`));
      expect(await kpis(page)).toEqual(await kpis(fresh.page));
      for (const table of ['#venues', '#distributors', '#departements', '#communes', '#days']) {
        expect(await page.locator(`${table} tbody`).textContent()).toBe(await fresh.page.locator(`${table} tbody`).textContent());
      }
    } finally {
      await restarted.close();
    }
  });
});
