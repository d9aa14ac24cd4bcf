import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@pass/access';
import type { Browser } from 'playwright-core';
import { startTestHub, type TestHub } from '../kit';
import { launchBrowser, offlineContext } from '../kit/browser';

/** A partner's frontend: one page that queries the hub with its token, as a browser app would. */
function partnerSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>partner</title><p>partner frontend</p>');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('CORS: partner frontends in a browser', () => {
  let hub: TestHub;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof partnerSite>>;
  let other: Awaited<ReturnType<typeof partnerSite>>;
  let token: string;

  beforeAll(async () => {
    // Two sites on two loopback ports are two origins; only the first is configured.
    allowed = await partnerSite();
    other = await partnerSite();
    hub = await startTestHub({ gateway: { corsOrigins: [allowed.origin] } });
    token = await hub.tokenFor({ role: Role.ANALYST });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await allowed?.close();
    await other?.close();
  });

  /** Runs a GraphQL query from a page of `origin`; answers what the page's script saw. */
  async function queryFrom(origin: string): Promise<({ ok: true; status: number; body: any } | { ok: false; error: string }) & { console: string[] }> {
    const { context, blocked } = await offlineContext(browser);
    try {
      const page = await context.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      await page.goto(origin);
      const seen = await page.evaluate(
        async ({ url, token }) => {
          try {
            const answer = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: '{ funders { name } }' }),
            });
            return { ok: true as const, status: answer.status, body: await answer.json() };
          } catch (err) {
            return { ok: false as const, error: String(err) };
          }
        },
        { url: hub.gatewayUrl, token },
      );
      expect(blocked).toEqual([]);
      return { ...seen, console };
    } finally {
      await context.close();
    }
  }

  it('lets a page on an allowed origin query the hub with its bearer token', async () => {
    await hub.graphql(`mutation { registerFunder(input: { name: "Région Bourgogne-Franche-Comté", kind: REGION }) { funder { id } } }`);
    const seen = await queryFrom(allowed.origin);
    expect(seen).toEqual({ ok: true, console: [], status: 200, body: { data: { funders: [{ name: 'Région Bourgogne-Franche-Comté' }] } } });
  });

  it('refuses, in the browser, a page on any other origin', async () => {
    const seen = await queryFrom(other.origin);
    expect(seen.ok).toBe(false);
    expect(seen.ok === false && seen.error).toContain('Failed to fetch');
    expect(seen.console.join('\n')).toMatch(/blocked by CORS policy: .*No 'Access-Control-Allow-Origin' header/);
  });

  it('answers the preflight before authentication, without credentials', async () => {
    const preflight = (origin: string) =>
      fetch(hub.gatewayUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const yes = await preflight(allowed.origin);
    expect(yes.status).toBe(204);
    expect(yes.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(yes.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(yes.headers.get('access-control-allow-credentials')).toBeNull();
    const no = await preflight(other.origin);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    // Without a token the request itself is still refused, with the CORS headers a page needs to read why.
    const anonymous = await fetch(hub.gatewayUrl, { method: 'POST', headers: { origin: allowed.origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(anonymous.headers.get('access-control-expose-headers')).toContain('www-authenticate');
  });
});
