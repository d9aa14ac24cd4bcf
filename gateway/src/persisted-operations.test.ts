import { Role, type Caller } from '@pass/access';
import { buildManifest, checkPersisted, documentHash, manifestFromPersistedDocuments, normaliseDocument, sha256 } from './persisted-operations';

const venue: Caller = { organisationId: 'venue-1', role: Role.VENUE, scopes: ['read'], tokenId: 't1' };
const analyst: Caller = { organisationId: 'analyst-1', role: Role.ANALYST, scopes: ['read'], tokenId: 't2' };

const query = `# a comment
query VenueName($id: ID!) {
  venue(id: $id) { name id }
}`;
const subscription = 'subscription Redemptions($venueId: ID) { redemptionRecorded(venueId: $venueId) { cursor amountCents } }';
const manifest = buildManifest([query, subscription]);

describe('persisted operations', () => {
  test('a document hashes the same however it is printed: whitespace, comments, selection order, __typename', () => {
    const hash = documentHash(query);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHash('query VenueName($id: ID!) { __typename venue(id: $id) { id __typename name } }')).toBe(hash);
    expect(documentHash('query VenueName($id: ID!) { venue(id: $id) { name id inseeCode } }')).not.toBe(hash);
    expect(documentHash('query {')).toBeUndefined();
  });

  test("a subscription's root gets no __typename (a subscription selects one root field)", () => {
    expect(normaliseDocument(subscription)).toMatch(/^subscription Redemptions\(\$venueId: ID\) \{ redemptionRecorded/);
  });

  test('the generator manifest is accepted only when each key is the hash of its document', () => {
    const normalised = normaliseDocument(query);
    expect(manifestFromPersistedDocuments({ [sha256(normalised)]: normalised })[sha256(normalised)]!.name).toBe('VenueName');
    expect(() => manifestFromPersistedDocuments({ [sha256(query)]: query })).toThrow(/npm run compose/);
  });

  test('production mode: registered text or hash pass, anything else is refused for partner roles', () => {
    expect(checkPersisted(manifest, true, venue, { query: 'query VenueName($id: ID!) { venue(id: $id) { __typename name id } }' })).toEqual({ ok: true, query: undefined });
    expect(checkPersisted(manifest, true, venue, { extensions: { persistedQuery: { sha256Hash: documentHash(query) } } })).toEqual({ ok: true, query: normaliseDocument(query) });
    expect(checkPersisted(manifest, true, venue, { query: '{ venues { id } }' })).toMatchObject({ ok: false, status: 403, code: 'PERSISTED_OPERATION_REQUIRED' });
    expect(checkPersisted(manifest, true, venue, {})).toMatchObject({ ok: false, status: 403 });
    expect(checkPersisted(manifest, true, analyst, { query: '{ venues { id } }' })).toEqual({ ok: true, query: undefined });
    expect(checkPersisted(manifest, true, { ...analyst, role: Role.OPERATOR }, { query: '{ venues { id } }' })).toEqual({ ok: true, query: undefined });
    for (const role of [Role.FUNDER, Role.DISTRIBUTOR, Role.COORDINATOR]) {
      expect(checkPersisted(manifest, true, { ...venue, role }, { query: '{ venues { id } }' })).toMatchObject({ ok: false, status: 403 });
    }
    expect(checkPersisted(manifest, false, venue, { query: '{ venues { id } }' })).toEqual({ ok: true, query: undefined });
  });

  test('a subscription document sent over WebSocket is judged like any other text', () => {
    expect(checkPersisted(manifest, true, venue, { query: subscription })).toEqual({ ok: true, query: undefined });
    expect(checkPersisted(manifest, true, venue, { query: subscription.replace('amountCents', 'amountCents redeemedAt') })).toMatchObject({ ok: false, status: 403 });
  });

  test('text with a hash: the hash must name the text, as this hub or automatic persisted queries hash it', () => {
    const apq = checkPersisted(manifest, true, venue, { query, extensions: { persistedQuery: { sha256Hash: sha256(query) } } });
    expect(apq).toEqual({ ok: true, query });
    expect(checkPersisted(manifest, true, venue, { query, extensions: { persistedQuery: { sha256Hash: documentHash(query) } } })).toEqual({ ok: true, query });
    expect(checkPersisted(manifest, false, venue, { query: '{ venues { id } }', extensions: { persistedQuery: { sha256Hash: documentHash(query) } } })).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' });
    expect(checkPersisted(manifest, false, venue, { extensions: { persistedQuery: { sha256Hash: 'f'.repeat(64) } } })).toMatchObject({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' });
  });

  test('a text judged again, even after a thousand others pushed it out of the remembered hashes, is judged the same', () => {
    const registered = 'query VenueName($id: ID!) { venue(id: $id) { __typename name id } }';
    const unregistered = '{ venues { id } }';
    const judge = () => [
      checkPersisted(manifest, true, venue, { query: registered }),
      checkPersisted(manifest, true, venue, { query: unregistered }),
      checkPersisted(manifest, true, venue, { query: 'query {' }),
      checkPersisted(manifest, false, venue, { query: registered, extensions: { persistedQuery: { sha256Hash: documentHash(query) } } }),
      checkPersisted(manifest, false, venue, { query: unregistered, extensions: { persistedQuery: { sha256Hash: documentHash(query) } } }),
    ];
    const first = judge();
    expect(first.map((c) => c.ok)).toEqual([true, false, false, true, false]);
    expect(judge()).toEqual(first);
    for (let i = 0; i < 1100; i++) checkPersisted(manifest, true, venue, { query: `{ venue(id: "${i}") { id } }` });
    expect(judge()).toEqual(first);
  });
});
