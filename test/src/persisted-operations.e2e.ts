import { createHash } from 'node:crypto';
import { Role } from '@pass/kit';
import { partnerOperations } from '@pass/clients';
import { startTestHub, type TestHub } from '@pass/test-kit';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('persisted operations in production mode', () => {
  let hub: TestHub;
  let funder: string;
  const registered = partnerOperations().find((o) => o.name === 'coordinator-programme')!;

  beforeAll(async () => {
    hub = await startTestHub({ demo: true, persistedOnly: true });
    funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.cso });
  });
  afterAll(() => hub?.close());

  const post = (token: string, body: unknown) =>
    fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

  test('the registered operations are the .graphql files under clients/operations', () => {
    expect(partnerOperations().map((o) => o.name)).toEqual(['coordinator-programme', 'dashboard-feed', 'dashboard-programme', 'dashboard-programmes', 'distributor-books', 'funder-programme', 'venue-counter', 'venue-redeem', 'venue-sessions']);
  });

  test('an unregistered operation from a partner role is refused with 403', async () => {
    const response = await post(funder, { query: '{ programmes { id name } }' });
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].extensions.code).toBe('PERSISTED_OPERATION_REQUIRED');
  });

  test('the same refusal over GET', async () => {
    const response = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent('{ programmes { id } }')}`, {
      headers: { authorization: `Bearer ${funder}`, 'apollo-require-preflight': '1' },
    });
    expect(response.status).toBe(403);
  });

  test('a registered operation runs, sent as text or by its hash alone', async () => {
    const variables = { programmeId: hub.demo!.programmes.cso };
    const byText = await post(funder, { query: registered.document, variables });
    expect(byText.status).toBe(200);
    const byHash = await post(funder, { variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(registered.document) } } });
    expect(byHash.status).toBe(200);
    const [a, b] = [await byText.json(), await byHash.json()];
    expect(b).toEqual(a);
    expect(a.data.programme.name).toBe('Pass numérique Creil Sud Oise');
  });

  test('an unknown hash, or a text that does not match its hash, is a 400', async () => {
    expect((await post(funder, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } })).status).toBe(400);
    expect((await post(funder, { query: '{ programmes { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(registered.document) } } })).status).toBe(400);
  });

  test('an analyst may still run ad hoc queries', async () => {
    const response = await post(await hub.tokenFor({ role: Role.ANALYST }), { query: '{ programmes { name } }' });
    expect(response.status).toBe(200);
    expect((await response.json()).data.programmes).toHaveLength(4);
  });
});
