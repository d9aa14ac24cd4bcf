import { buildManifest, manifestFromPersistedDocuments } from '@pass/gateway';
import { partnerOperations, persistedDocuments } from './operations';

/*
 * The gateway's own process registers the `.graphql` files it finds (PASS_OPERATIONS_DIR); the
 * in-process hub registers the generated manifest. Both must register the same hashes under the
 * same names: the CSV reports find their operation by name, and once answered 500 in the
 * processes layout because the files were registered under their file names.
 */
describe('the registered operations, from the files or from the generated manifest', () => {
  test('the same hashes, documents and operation names either way', () => {
    const fromFiles = buildManifest(partnerOperations().map((o) => o.document));
    const fromManifest = manifestFromPersistedDocuments(persistedDocuments());
    expect(Object.keys(fromFiles).length).toBe(partnerOperations().length);
    expect(fromFiles).toEqual(fromManifest);
    expect(Object.values(fromFiles).map((o) => o.name)).toEqual(expect.arrayContaining(['D30Report', 'FunderStatementReport', 'VenueStatementReport']));
  });
});
