import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { launchBrowser, offlineContext } from '../kit/browser';
import { gql, handOutFreshBook, scheduleSessions, venueToken } from '../kit/fixtures';
import { SCREENSHOTS, countGraphqlRequests, originOf, seriousViolations, waitForText } from './pages-kit';

/** page.evaluate callbacks run in the browser; the test program has no DOM types, so these stand in. */
declare const document: any;
declare function getComputedStyle(element: unknown): { outlineStyle: string };

/*
 * The venue counter page at /venue, in Debian's chromium with every host but loopback blocked:
 * what a venue's staff see when they take a voucher, and that a typo, a double click or a lost
 * answer never redeems the wrong voucher or the same one twice.
 */
describe('venue counter page (/venue)', () => {
  let hub: TestHub;
  let browser: Browser;
  let token: string;
  let sessionId: string;
  let venueId: string;
  let vouchers: string[];
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    venueId = hub.demo!.venues.compagnons!;
    // The demo's own session there is full; this one starts a minute ago, so it is today's.
    [sessionId] = (await scheduleSessions(hub, venueId, 1, 30)) as [string];
    token = await venueToken(hub, venueId);
    // One voucher per book: a book pays one seat per session.
    const books = await Promise.all([0, 1, 2, 3, 4].map(() => handOutFreshBook(hub, hub.demo!.programmes.cso, hub.demo!.distributors.peNogent!)));
    vouchers = books.map((b) => b.voucherCodes[0]!);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });

  /** The page opened, signed in as the venue, its counter shown; with the hosts it tried to reach. */
  async function signedIn(): Promise<{ page: Page; blocked: string[]; requests: { total: () => number } }> {
    const { context, blocked } = await offlineContext(browser);
    open.push(context);
    const page = await context.newPage();
    const requests = countGraphqlRequests(page);
    await page.goto(`${originOf(hub.gatewayUrl)}/venue`);
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await page.waitForSelector('#counter:not([hidden])');
    await page.selectOption('#session', sessionId);
    return { page, blocked, requests };
  }

  /** Rows of the redemption table for the voucher: a second one is the bug, and the API shows a voucher's one redemption only. */
  async function redemptionsOf(code: string): Promise<number> {
    const [row] = await hub.subgraphs.vouchers.dataSource.query(
      `select count(*)::int n from redemption r join voucher v on v.id = r.voucher_id where v.code = $1`,
      [code],
    );
    return row.n;
  }

  const display = (code: string) => `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10)}`.toLowerCase();

  test('a valid code is accepted with the seats left and month total from the API; the same code again is "déjà utilisé"', async () => {
    const { page, blocked } = await signedIn();
    const before = (await gql(hub, `query($id: ID!) { venue(id: $id) { monthToDate { vouchersRedeemed } } }`, { id: venueId }, token)).venue.monthToDate;
    expect(await page.textContent('#seats-left')).toMatch(/^\s*\d+ places?\s*$/);
    const seatsBefore = Number((await page.textContent('#seats-left'))!.replace(/\D/g, ''));

    // Typed as printed, in lower case with dashes: the page and the hub both normalise it.
    await page.fill('#code', display(vouchers[0]!));
    await page.press('#code', 'Enter');
    await waitForText(page, '#result', /Pass accepté/);
    expect(await page.textContent('#result')).toContain('10,00');
    expect(await redemptionsOf(vouchers[0]!)).toBe(1);

    const after = (await gql(hub, `query($id: ID!) { venue(id: $id) { monthToDate { vouchersRedeemed amountCents } } workshopSession(id: $s) { seatsLeft } }`.replace('query($id: ID!)', 'query($id: ID!, $s: ID!)'), { id: venueId, s: sessionId }, token));
    expect(after.venue.monthToDate.vouchersRedeemed).toBe(before.vouchersRedeemed + 1);
    await waitForText(page, '#month-count', new RegExp(`^${after.venue.monthToDate.vouchersRedeemed}$`));
    expect(after.workshopSession.seatsLeft).toBe(seatsBefore - 1);
    expect(await page.textContent('#seats-left')).toBe(`${seatsBefore - 1} places`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'venue.png'), fullPage: true });

    await page.fill('#code', vouchers[0]!);
    await page.press('#code', 'Enter');
    await waitForText(page, '#result', /Pass refusé.*déjà utilisé/);
    expect(await redemptionsOf(vouchers[0]!)).toBe(1);
    expect(blocked).toEqual([]);
  });

  test('a mistyped check character is caught in the browser, before any request', async () => {
    const { page, requests } = await signedIn();
    const code = vouchers[1]!;
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const wrongCheck = code.slice(0, 13) + alphabet[(alphabet.indexOf(code[13]!) + 1) % 32];
    const swapped = code.slice(0, 3) + code[4] + code[3] + code.slice(5);
    const sent = requests.total();
    for (const typo of [wrongCheck, ...(swapped !== code ? [swapped] : [])]) {
      await page.fill('#code', typo);
      await page.press('#code', 'Enter');
      await waitForText(page, '#result', /caractère de contrôle/);
      await page.fill('#code', '');
    }
    // A book's code is caught too: it is not a voucher.
    await page.fill('#code', (await gql(hub, `query($c: String!) { voucher(code: $c) { book { code } } }`, { c: code })).voucher.book.code);
    await page.press('#code', 'Enter');
    await waitForText(page, '#result', /code du carnet/);
    expect(requests.total()).toBe(sent);
    expect(await redemptionsOf(code)).toBe(0);
  });

  test('a double submit redeems once', async () => {
    const { page, requests } = await signedIn();
    const code = vouchers[2]!;
    await page.fill('#code', code);
    const sent = requests.total();
    // Enter pressed twice and the button clicked twice, all before the first answer is back.
    await page.evaluate(() => {
      const form = document.getElementById('redeem-form');
      const button = document.getElementById('redeem');
      form.requestSubmit();
      form.requestSubmit();
      button.click();
      button.click();
    });
    await waitForText(page, '#result', /Pass accepté/);
    expect(requests.total() - sent).toBe(1);
    expect(await redemptionsOf(code)).toBe(1);
  });

  test('an answer lost on the way back is retried with the same idempotency key: accepted once, never "already used"', async () => {
    const { page } = await signedIn();
    const code = vouchers[3]!;
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { variables?: { input?: { idempotencyKey?: string } } };
      const key = body.variables?.input?.idempotencyKey;
      if (key) keys.push(key);
      if (key && !dropped) {
        // The hub receives and commits the redemption; the browser never sees the answer.
        dropped = true;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.fill('#code', code);
    await page.press('#code', 'Enter');
    await waitForText(page, '#result', /non validé pour l’instant/);
    expect(await redemptionsOf(code)).toBe(1);
    await page.press('#code', 'Enter');
    await waitForText(page, '#result', /Pass accepté/);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await redemptionsOf(code)).toBe(1);
  });

  test('the whole flow by keyboard alone, with a visible focus', async () => {
    const { context, blocked } = await offlineContext(browser);
    open.push(context);
    const page = await context.newPage();
    await page.goto(`${originOf(hub.gatewayUrl)}/venue`);
    // The first Tab reaches the skip link, then the page: the token field has the focus already.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token');
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#counter:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    // Back to the session list and forth, as a keyboard user would check the session.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('session');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Tab');
    await page.keyboard.type(vouchers[4]!);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('redeem');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await waitForText(page, '#result', /Pass accepté/);
    // Focus is back in the code field, ready for the next scan.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
    expect(await redemptionsOf(vouchers[4]!)).toBe(1);
    expect(blocked).toEqual([]);
  });

  test('no serious or critical accessibility violation (axe-core), signed out and at the counter after a refusal', async () => {
    const { context, blocked } = await offlineContext(browser);
    open.push(context);
    const page = await context.newPage();
    await page.goto(`${originOf(hub.gatewayUrl)}/venue`);
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#token', token);
    await page.press('#token', 'Enter');
    await page.waitForSelector('#counter:not([hidden])');
    await page.fill('#code', 'V0000');
    await page.press('#code', 'Enter');
    await waitForText(page, '#result', /non validé/);
    expect(await seriousViolations(page)).toEqual([]);
    // The result is announced: a live region, atomic.
    expect(await page.getAttribute('#result', 'aria-live')).toBe('assertive');
    expect(blocked).toEqual([]);
  });
});
