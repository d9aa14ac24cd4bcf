import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '@pass/access';
// The national standard's column names, to write the test files: no seeding.
import { defaultVenueSchema } from '@pass/venues';
import { startTestHub, type TestHub } from '@pass/test-kit';

/*
 * Venues in and out through the API, as the operator does it: the national standard's own
 * example, a file with broken rows, a second import, an export re-imported, and the body limit
 * that lets only `importVenues` carry a large file.
 */

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'venues');
const EXAMPLE_CSV = readFileSync(path.join(FIXTURES, 'standard-mediation-num-exemple-valide.csv'), 'utf8');
const COLUMNS = defaultVenueSchema().fields.map((f) => f.name);

/** A valid venue of the Creil agglomeration, keyed by column, for tests to break one cell at a time. */
export const GOOD_ROW: Record<string, string> = {
  id: 'cso-epn-creil',
  pivot: '21600174300014',
  nom: 'Espace public numérique de Creil',
  commune: 'Creil',
  code_postal: '60100',
  code_insee: '60175',
  adresse: '1 place François Mitterrand',
  latitude: '49.2596',
  longitude: '2.4748',
  horaires: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
  source: 'Agglomération Creil Sud Oise',
  date_maj: '2024-03-15',
  services: 'Maîtrise des outils numériques du quotidien|Aide aux démarches administratives',
  frais_a_charge: 'Gratuit',
  modalites_acces: 'Se présenter|Téléphoner',
};

const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;
export function venueCsv(rows: Record<string, string>[]): string {
  return [COLUMNS.map(quote).join(','), ...rows.map((row) => COLUMNS.map((name) => quote(row[name] ?? '')).join(','))].join('\n') + '\n';
}

const IMPORT = `mutation ($input: ImportVenuesInput!) { importVenues(input: $input) {
  report { rowsRead imported inserted updated unchanged rejected errorsOmitted errors { row column message } } error { code message } } }`;

describe('venue import and export through the API', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  const importAnswer = async (csv: string) => {
    const { status, body } = await hub.graphql(IMPORT, { input: { csv } });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data.importVenues;
  };
  const importCsv = async (csv: string) => {
    const { report, error } = await importAnswer(csv);
    expect(error).toBeNull();
    return report;
  };
  /** Every stored venue with its row version: a write of any kind changes `xmin`. */
  const snapshot = () => hub.subgraphs.venues.dataSource.query('select *, xmin::text as version from venue order by source, source_id');

  test("the standard's example file imports, and the venue exposes its commune, département and région", async () => {
    const report = await importCsv(EXAMPLE_CSV);
    expect(report).toMatchObject({ rowsRead: 1, imported: 1, inserted: 1, rejected: 0, errors: [] });
    const { body } = await hub.graphql('{ venues(first: 10) { nodes { name siret commune communeName inseeCode postcode departement { code name } region { code name } source sourceId openingHours services } } }');
    expect(body.data.venues.nodes).toEqual([
      {
        name: 'Anonymal',
        siret: '43493312300029',
        commune: 'Reims',
        communeName: 'Reims',
        inseeCode: '51454',
        postcode: '51100',
        departement: { code: '51', name: 'Marne' },
        region: { code: '44', name: 'Grand Est' },
        source: 'Hubik',
        sourceId: 'structure-1',
        openingHours: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
        services: ['Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique', 'Loisirs et créations numériques'],
      },
    ]);
  });

  const row = (overrides: Record<string, string>) => ({ ...GOOD_ROW, ...overrides });
  const broken = venueCsv([
    GOOD_ROW, // row 2
    row({ id: 'bad-siret', pivot: '21600174300016' }), // row 3: check digit
    row({ id: 'bad-insee', code_insee: '60999' }), // row 4: no such commune
    row({ id: 'postcode-elsewhere', code_postal: '51100' }), // row 5: Reims's postcode, Creil's code
    row({ id: 'bad-hours', horaires: 'Lundi-Vendredi 9h-17h' }), // row 6
    row({ id: 'no-name', nom: '' }), // row 7
    row({ id: 'bad-service', services: 'Maîtrise des outils numériques du quotidien|Cours de cuisine' }), // row 8
    row({ id: 'no-insee', code_insee: '', commune: 'Nogent-sur-Oise', code_postal: '60180' }), // row 9: derived
    row({ id: 'shared-siret', nom: 'Médiathèque de Creil' }), // row 10: the town hall's SIRET again
    row({ id: 'ambiguous', code_insee: '', commune: 'Aix', code_postal: '73410' }), // row 11: not a commune of 73410
  ]);

  test('a file with broken rows imports the good ones and reports each bad one by row, column and reason', async () => {
    const report = await importCsv(broken);
    expect(report).toMatchObject({ rowsRead: 10, imported: 3, inserted: 3, rejected: 7 });
    expect(report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, 'pivot'],
      [4, 'code_insee'],
      [5, 'code_postal'],
      [6, 'horaires'],
      [7, 'nom'],
      [8, 'services'],
      [11, 'code_insee'],
    ]);
    const message = (r: number) => report.errors.find((e: { row: number }) => e.row === r)?.message;
    expect(message(3)).toBe('SIRET ou RNA ou RIDET (pivot): "21600174300016" is not a valid SIRET (its check digit is wrong)');
    expect(message(4)).toBe('Code INSEE (code_insee): "60999" is not the INSEE code of a current commune');
    expect(message(5)).toBe('Code postal (code_postal): postcode 51100 is not a postcode of Creil (INSEE 60175), whose postcode is 60100');
    expect(message(6)).toBe('Horaires (horaires): "Lundi-Vendredi 9h-17h" is not in OpenStreetMap opening_hours syntax: "Lundi-Vendredi" is not a weekday (use Mo, Tu, We, Th, Fr, Sa, Su, PH for public holidays)');
    expect(message(7)).toBe('Nom (nom) is required');
    expect(message(8)).toMatch(/^Services \(services\): unknown value "Cours de cuisine"; allowed values, separated by "\|": /);
    expect(message(11)).toBe(
      'Code INSEE (code_insee): not given, and cannot be derived: "Aix" is none of the communes of postcode 73410 (Entrelacs (73010), La Biolle (73043), Saint-Ours (73265)); correct the name or give code_insee',
    );
    const { body } = await hub.graphql('{ venues(first: 50) { nodes { sourceId inseeCode communeName siret } } }');
    const imported = body.data.venues.nodes.filter((v: { sourceId: string }) => ['cso-epn-creil', 'no-insee', 'shared-siret'].includes(v.sourceId));
    expect(imported).toEqual(
      expect.arrayContaining([
        { sourceId: 'cso-epn-creil', inseeCode: '60175', communeName: 'Creil', siret: '21600174300014' },
        { sourceId: 'no-insee', inseeCode: '60463', communeName: 'Nogent-sur-Oise', siret: '21600174300014' },
        { sourceId: 'shared-siret', inseeCode: '60175', communeName: 'Creil', siret: '21600174300014' },
      ]),
    );
    expect(imported).toHaveLength(3);
  });

  test('importing the same files again changes nothing, not even a row version', async () => {
    const before = await snapshot();
    expect((await importCsv(EXAMPLE_CSV)).unchanged).toBe(1);
    expect(await importCsv(broken)).toMatchObject({ imported: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 7 });
    expect(await snapshot()).toEqual(before);
  });

  test('a file refused as a whole answers its code in the payload, writes nothing, and its report lists every problem of the header', async () => {
    const before = await snapshot();
    const withoutName = venueCsv([row({ id: 'nameless-file' })]).replace(/^(.*?)"nom",/, '$1"name",');
    const { report, error } = await importAnswer(withoutName);
    expect(error).toMatchObject({ code: 'REQUIRED_COLUMN_MISSING', message: expect.stringContaining('required column "nom"') });
    expect(report).toMatchObject({ rowsRead: 0, imported: 0, inserted: 0 });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'name', message: 'column "name" is not in the standard; its values are ignored' },
        expect.objectContaining({ row: 1, column: 'nom' }),
      ]),
    );
    expect((await importAnswer('')).error.code).toBe('EMPTY_FILE');
    expect((await importAnswer('id;pivot;nom\n1;2;3\n')).error.code).toBe('NOT_COMMA_SEPARATED');
    expect((await importAnswer(`${venueCsv([row({ id: 'unclosed' })]).trimEnd()}\n"open quote,`)).error.code).toBe('MALFORMED_CSV');
    expect(await snapshot()).toEqual(before);
  });

  test('a changed row updates its venue, found by (source, id)', async () => {
    const report = await importCsv(venueCsv([row({ nom: 'EPN de Creil (Maison de la ville)' })]));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    // Found by the key the import updates by, (source, id), which the API does not take: read in the table.
    const [venue] = await hub.subgraphs.venues.dataSource.query("select name from venue where source_id = 'cso-epn-creil'");
    expect(venue.name).toBe('EPN de Creil (Maison de la ville)');
  });

  test('an export re-imports without a change, and exports the same again', async () => {
    const registered = await hub.graphql(
      `mutation { registerVenue(input: { name: "Chai de Bonnat", address: "2 rue de Bonnat", inseeCode: "23096", openingHours: "We 14:00-18:00", services: ["Aide aux démarches administratives"] }) { venue { id postcode communeName } error { code message } } }`,
    );
    expect(registered.body.data.registerVenue).toMatchObject({ venue: { postcode: '23000', communeName: 'Guéret' }, error: null });
    const exported = (await hub.graphql('{ venuesCsv }')).body.data.venuesCsv as string;
    expect(exported.split('\n')[0]).toBe(COLUMNS.map(quote).join(','));
    expect(exported.trim().split('\n')).toHaveLength(1 + 5);
    const before = await snapshot();
    expect(await importCsv(exported)).toMatchObject({ rowsRead: 5, inserted: 0, updated: 0, unchanged: 5, rejected: 0, errors: [] });
    expect(await snapshot()).toEqual(before);
    expect((await hub.graphql('{ venuesCsv }')).body.data.venuesCsv).toBe(exported);
    const hubik = (await hub.graphql('{ venuesCsv(source: "Hubik") }')).body.data.venuesCsv as string;
    expect(hubik.trim().split('\n')).toHaveLength(2);
  });

  test('registerVenue refuses with typed errors, and only operators and coordinators may call it', async () => {
    const register = (input: string, token?: string) =>
      token
        ? hub.graphqlAs(token, `mutation { registerVenue(input: { ${input} }) { venue { id } error { code message } } }`)
        : hub.graphql(`mutation { registerVenue(input: { ${input} }) { venue { id } error { code message } } }`);
    const error = async (input: string) => (await register(input)).body.data.registerVenue.error;
    expect(await error('name: "EPN", address: "1 rue", inseeCode: "60175", postcode: "51100"')).toEqual({
      code: 'POSTCODE_MISMATCH',
      message: 'Code postal (code_postal): postcode 51100 is not a postcode of Creil (INSEE 60175), whose postcode is 60100',
    });
    expect((await error('name: "EPN", address: "1 rue", inseeCode: "60175", siret: "12345678901234"')).code).toBe('INVALID_SIRET');
    expect((await error('name: " ", address: "1 rue", inseeCode: "60175"')).code).toBe('NAME_REQUIRED');
    expect((await error('name: "EPN", address: "1 rue", inseeCode: "99999", postcode: "60100"')).code).toBe('UNKNOWN_INSEE_CODE');
    expect((await error('name: "EPN", address: "1 rue", inseeCode: "60175", openingHours: "tous les jours"')).code).toBe('INVALID_OPENING_HOURS');
    expect((await error('name: "EPN", address: "1 rue", inseeCode: "60175", services: ["Cours de cuisine"]')).code).toBe('UNKNOWN_SERVICE');
    expect((await error('name: "EPN", address: "1 rue", inseeCode: "13055"')).code).toBe('INVALID_POSTCODE');
    expect((await error('name: "EPN bis", address: "1 rue", inseeCode: "60175", source: "Hubik", sourceId: "structure-1"')).code).toBe('VENUE_ALREADY_REGISTERED');
    const coordinator = await hub.tokenFor({ role: Role.COORDINATOR, programmeIds: [] });
    const byCoordinator = await register('name: "Médiathèque de Montataire", address: "Place de la mairie", postcode: "60160", commune: "Montataire"', coordinator);
    expect(byCoordinator.body.data.registerVenue).toMatchObject({ venue: { id: expect.any(String) }, error: null });
    const venue = await hub.tokenFor({ role: Role.VENUE });
    expect((await register('name: "x", address: "y", inseeCode: "60175"', venue)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('only importVenues, by an operator, may send a body past 100 kB', async () => {
    const many = venueCsv(Array.from({ length: 600 }, (_, i) => row({ id: `bulk-${i}`, presentation_detail: 'Ateliers numériques pour tous. '.repeat(10) })));
    expect(Buffer.byteLength(many)).toBeGreaterThan(400 * 1024);
    const report = await importCsv(many);
    expect(report).toMatchObject({ rowsRead: 600, inserted: 600, rejected: 0 });

    const post = (token: string | null, body: unknown) =>
      fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const operator = await hub.tokenFor({ role: Role.OPERATOR });
    const otherMutation = await post(operator, { query: 'mutation ($csv: String!) { registerFunder(input: { name: $csv, kind: STATE }) { funder { id } } }', variables: { csv: many } });
    expect(otherMutation.status).toBe(413);
    const twoFields = await post(operator, { query: `mutation ($input: ImportVenuesInput!) { importVenues(input: $input) { report { rowsRead } } registerFunder(input: { name: "x", kind: STATE }) { funder { id } } }`, variables: { input: { csv: many } } });
    expect(twoFields.status).toBe(413);
    const funder = await hub.tokenFor({ role: Role.FUNDER });
    const asFunder = await post(funder, { query: IMPORT, variables: { input: { csv: many } } });
    expect(asFunder.status).toBe(413);
    const tooLarge = await post(operator, { query: IMPORT, variables: { input: { csv: 'x'.repeat(21 * 1024 * 1024) } } });
    expect(tooLarge.status).toBe(413);
  });
});
