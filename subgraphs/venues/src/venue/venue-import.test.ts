import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultVenueSchema,
  loadTableSchema,
  parseVenueCsv,
  readTableSchema,
  type ImportedVenue,
  type RowError,
} from './venue-import';

/**
 * exemple-valide.csv of standard-mediation-num v1.0.2, verbatim (LF line ends, header partly
 * unquoted, as published). Kept inline so the test does not depend on a checkout of shared data.
 */
const EXAMPLE_CSV = `"id","pivot","nom","commune","code_postal","code_insee","adresse","complement_adresse","latitude","longitude","typologie","telephone","courriels","site_web","horaires","presentation_resume","presentation_detail","source","itinerance","structure_parente","date_maj","services","publics_specifiquement_adresses","prise_en_charge_specifique","frais_a_charge","dispositif_programmes_nationaux",formations_labels,autres_formations_labels,modalites_acces,modalites_accompagnement,"fiche_acces_libre","prise_rdv"
"structure-1","43493312300029","Anonymal","Reims","51100","51454","12 BIS RUE DE LECLERCQ","Le patio du bois de l'Aulne","43.52609","5.41423","TIERS_LIEUX|ASSO","+33180059880","contact@laquincaillerie.tl|responsable@laquincaillerie.tl","https://www.laquincaillerie.tl/|https://m.facebook.com/laquincaillerienumerique/","Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00","Notre association propose des formations aux outils numériques à destination des personnes âgées.","Notre parcours d'initiation permet l'acquisition de compétences numériques de base. Nous proposons également un accompagnement à destination des personnes déjà initiées qui souhaiteraient approfondir leurs connaissances. Du matériel informatique est en libre accès pour nos adhérents tous les après-midis. En plus de d'accueillir les personnes dans notre lieu en semaine (sur rendez-vous), nous assurons une permanence le samedi matin dans la médiathèque XX.","Hubik","Itinérant","SIRET de la ville pour une bibliothèque.","2024-04-02","Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique|Loisirs et créations numériques","Jeunes|Femmes","Surdité|Illettrisme|Langues étrangères (anglais)","Gratuit sous condition|Payant","Aidants Connect|Conseillers numériques|La Croix Rouge","Formé à « Mon Espace Santé »|Arnia/MedNum BFC (Bourgogne-Franche-Comté)","Label et la bête","Se présenter|Téléphoner","Dans un atelier collectif|À distance|En autonomie|Accompagnement individuel","https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/","https://www.rdv-solidarites.fr/"
`;

const FIELD_NAMES = defaultVenueSchema().fields.map((f) => f.name);

/** A valid row of the standard, keyed by column, for tests to break one cell at a time. */
const GOOD: Record<string, string> = {
  id: 'cso-1',
  pivot: '21600174300014',
  nom: 'Espace public numérique de Creil',
  commune: 'Creil',
  code_postal: '60100',
  code_insee: '60175',
  adresse: '1 place François Mitterrand',
  complement_adresse: '',
  latitude: '49.2596',
  longitude: '2.4748',
  typologie: 'COMMUNE',
  telephone: '+33344291650',
  courriels: 'epn@mairie-creil.fr',
  site_web: '',
  horaires: 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00',
  presentation_resume: 'Ateliers numériques pour tous, avec le Pass numérique.',
  presentation_detail: '',
  source: 'Agglomération Creil Sud Oise',
  itinerance: 'Fixe',
  structure_parente: '',
  date_maj: '2024-03-15',
  services: 'Maîtrise des outils numériques du quotidien|Aide aux démarches administratives',
  publics_specifiquement_adresses: '',
  prise_en_charge_specifique: 'Illettrisme',
  frais_a_charge: 'Gratuit',
  dispositif_programmes_nationaux: 'Conseillers numériques',
  formations_labels: '',
  autres_formations_labels: '',
  modalites_acces: 'Se présenter|Téléphoner',
  modalites_accompagnement: 'Accompagnement individuel|Dans un atelier collectif',
  fiche_acces_libre: '',
  prise_rdv: '',
};

const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

function csv(rows: Record<string, string>[], header: string[] = FIELD_NAMES, eol = '\n'): string {
  const lines = [header.map(quote).join(','), ...rows.map((row) => header.map((name) => quote(row[name] ?? '')).join(','))];
  return lines.join(eol) + eol;
}

const row = (overrides: Record<string, string>): Record<string, string> => ({ ...GOOD, ...overrides });

/** Errors without their messages, for exact comparison of where they are. */
const where = (errors: RowError[]): { row: number; field?: string }[] => errors.map(({ row: r, field }) => (field === undefined ? { row: r } : { row: r, field }));

describe('parseVenueCsv on the standard\'s own example', () => {
  it('imports exemple-valide.csv with no error and every value mapped', () => {
    const { venues, errors } = parseVenueCsv(EXAMPLE_CSV);
    expect(errors).toEqual([]);
    expect(venues).toHaveLength(1);
    const venue = venues[0] as ImportedVenue;
    expect(venue).toEqual({
      row: 2,
      sourceId: 'structure-1',
      pivot: '43493312300029',
      siret: '43493312300029',
      rna: undefined,
      name: 'Anonymal',
      address: '12 BIS RUE DE LECLERCQ',
      addressComplement: "Le patio du bois de l'Aulne",
      postcode: '51100',
      commune: 'Reims',
      inseeCode: '51454',
      latitude: 43.52609,
      longitude: 5.41423,
      typologies: ['TIERS_LIEUX', 'ASSO'],
      phone: '+33180059880',
      emails: ['contact@laquincaillerie.tl', 'responsable@laquincaillerie.tl'],
      websites: ['https://www.laquincaillerie.tl/', 'https://m.facebook.com/laquincaillerienumerique/'],
      openingHours: 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00',
      summary: 'Notre association propose des formations aux outils numériques à destination des personnes âgées.',
      description: expect.stringMatching(/^Notre parcours d'initiation .* dans la médiathèque XX\.$/),
      dataSource: 'Hubik',
      mobility: ['Itinérant'],
      parentOrganisation: 'SIRET de la ville pour une bibliothèque.',
      updatedOn: '2024-04-02',
      services: ['Maîtrise des outils numériques du quotidien', 'Insertion professionnelle via le numérique', 'Loisirs et créations numériques'],
      publics: ['Jeunes', 'Femmes'],
      specificSupport: ['Surdité', 'Illettrisme', 'Langues étrangères (anglais)'],
      fees: ['Gratuit sous condition', 'Payant'],
      nationalProgrammes: ['Aidants Connect', 'Conseillers numériques', 'La Croix Rouge'],
      labels: ['Formé à « Mon Espace Santé »', 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)'],
      otherLabels: 'Label et la bête',
      accessModes: ['Se présenter', 'Téléphoner'],
      supportModes: ['Dans un atelier collectif', 'À distance', 'En autonomie', 'Accompagnement individuel'],
      accessibilityUrl: 'https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/',
      bookingUrl: 'https://www.rdv-solidarites.fr/',
    });
  });

  it('accepts a BOM and CRLF line ends', () => {
    const windows = '\uFEFF' + EXAMPLE_CSV.replace(/\n/g, '\r\n');
    expect(parseVenueCsv(windows)).toEqual(parseVenueCsv(EXAMPLE_CSV));
    const built = parseVenueCsv('\uFEFF' + csv([GOOD, row({ id: 'cso-2' })], FIELD_NAMES, '\r\n'));
    expect(built.errors).toEqual([]);
    expect(built.venues.map((v) => [v.row, v.sourceId, v.name, v.accessModes])).toEqual([
      [2, 'cso-1', 'Espace public numérique de Creil', ['Se présenter', 'Téléphoner']],
      [3, 'cso-2', 'Espace public numérique de Creil', ['Se présenter', 'Téléphoner']],
    ]);
  });

  it('reads the schema shipped next to the module, identical to the standard v1.0.2', () => {
    const shipped = loadTableSchema(join(__dirname, 'standard-mediation-num.schema.json'));
    expect(shipped).toEqual(defaultVenueSchema());
    expect(shipped.version).toBe('v1.0.2');
    expect(shipped.fields).toHaveLength(32);
    expect(EXAMPLE_CSV.slice(0, EXAMPLE_CSV.indexOf('\n')).replace(/"/g, '').split(',')).toEqual(FIELD_NAMES);
  });
});

describe('parseVenueCsv on broken rows', () => {
  const text = csv(
    [
      GOOD, // row 2
      row({ id: 'bad-siret', pivot: '12345' }), // row 3
      row({ id: 'bad-service', services: 'Maîtrise des outils numériques du quotidien|Cours de cuisine' }), // row 4
      row({ id: 'no-name', nom: '' }), // row 5
      row({ id: 'lat', latitude: '123.4' }), // row 6
      row({ id: 'rna', pivot: 'W601000123' }), // row 7
      row({ id: 'many', date_maj: '15/03/2024', code_postal: '6010', longitude: '2,4748' }), // row 8
      row({ id: 'accent', services: 'Comprehension du monde numérique' }), // row 9
      row({ id: 'cso-1' }), // row 10
      row({ id: 'day', date_maj: '2024-02-30', longitude: '' }), // row 11
      row({ id: 'fees', frais_a_charge: 'Gratuit||Payant', code_insee: '6017' }), // row 12
    ],
    FIELD_NAMES.map((name) => (name === 'telephone' ? 'téléphone' : name)),
  );
  const { venues, errors } = parseVenueCsv(text);

  it('imports the good rows', () => {
    expect(venues.map((v) => [v.row, v.sourceId])).toEqual([
      [2, 'cso-1'],
      [7, 'rna'],
    ]);
    expect(venues[1]).toMatchObject({ pivot: 'W601000123', rna: 'W601000123', siret: undefined });
    // The misnamed column's values are ignored, not guessed.
    expect(venues[0]?.phone).toBeUndefined();
  });

  it('reports one error per bad field, on the row a spreadsheet shows', () => {
    expect(where(errors)).toEqual([
      { row: 1, field: 'téléphone' },
      { row: 3, field: 'pivot' },
      { row: 4, field: 'services' },
      { row: 5, field: 'nom' },
      { row: 6, field: 'latitude' },
      { row: 8, field: 'code_postal' },
      { row: 8, field: 'longitude' },
      { row: 8, field: 'date_maj' },
      { row: 9, field: 'services' },
      { row: 10, field: 'id' },
      { row: 11, field: 'longitude' },
      { row: 11, field: 'date_maj' },
      { row: 12, field: 'code_insee' },
      { row: 12, field: 'frais_a_charge' },
    ]);
  });

  it('says what is wrong in each error', () => {
    const message = (r: number, field: string): string => errors.find((e) => e.row === r && e.field === field)?.message ?? '';
    expect(message(1, 'téléphone')).toBe('column "téléphone" is not in the standard: it should be named "telephone"; its values are ignored');
    expect(message(3, 'pivot')).toBe('SIRET ou RNA ou RIDET (pivot): "12345" does not match the expected pattern ^[a-zA-Z0-9]{9,14}$, e.g. "43493312300029"');
    expect(message(4, 'services')).toMatch(/^Services \(services\): unknown value "Cours de cuisine"; allowed values, separated by "\|": Aide aux démarches administratives; .*; Acquisition de matériel informatique à prix solidaire$/);
    expect(message(5, 'nom')).toBe('Nom (nom) is required');
    expect(message(6, 'latitude')).toBe('Latitude (latitude): 123.4 is out of range [-90, 90] (WGS84 degrees)');
    expect(message(8, 'code_postal')).toContain('"6010" does not match the expected pattern ^\\d{5}$');
    expect(message(8, 'longitude')).toBe('Longitude (longitude): "2,4748" is not a number (use a dot as the decimal separator)');
    expect(message(8, 'date_maj')).toBe('Date de mise à jour (date_maj): "15/03/2024" is not a date in the form YYYY-MM-DD');
    expect(message(9, 'services')).toContain('unknown value "Comprehension du monde numérique" (did you mean "Compréhension du monde numérique"?)');
    expect(message(10, 'id')).toBe('Identifiant unique local du lieu (id): "cso-1" is already used by row 2; it must be unique');
    expect(message(11, 'longitude')).toBe('Longitude (longitude): required when latitude is given');
    expect(message(11, 'date_maj')).toBe('Date de mise à jour (date_maj): "2024-02-30" is not a valid calendar date');
    expect(message(12, 'frais_a_charge')).toContain('has an empty value');
  });
});

describe('parseVenueCsv on the file structure', () => {
  it('rejects a semicolon-separated file with one clear error', () => {
    const semicolons = [FIELD_NAMES.join(';'), FIELD_NAMES.map((name) => GOOD[name] ?? '').join(';')].join('\n');
    expect(parseVenueCsv(semicolons)).toEqual({
      venues: [],
      errors: [{ row: 1, message: 'the file looks semicolon-separated: the standard requires commas between columns (CSV, RFC 4180); nothing was imported' }],
    });
  });

  it('rejects a file without a required column, naming it once', () => {
    const { venues, errors } = parseVenueCsv(csv([GOOD], FIELD_NAMES.filter((name) => name !== 'nom')));
    expect(venues).toEqual([]);
    expect(errors).toEqual([{ row: 1, field: 'nom', message: 'required column "nom" (Nom) is missing; no row can be imported without it' }]);
  });

  it('imports rows of a file without an optional column or with columns in another order, saying so', () => {
    const header = [...FIELD_NAMES].reverse().filter((name) => name !== 'prise_rdv');
    const { venues, errors } = parseVenueCsv(csv([GOOD], header));
    expect(venues).toHaveLength(1);
    expect(venues[0]?.bookingUrl).toBeUndefined();
    expect(where(errors)).toEqual([{ row: 1, field: 'prise_rdv' }]);
  });

  it('reports an unknown column and a duplicated one', () => {
    const extra = parseVenueCsv(csv([GOOD], [...FIELD_NAMES, 'note_interne']));
    expect(extra.venues).toHaveLength(1);
    expect(extra.errors).toEqual([{ row: 1, field: 'note_interne', message: 'column "note_interne" is not in the standard; its values are ignored' }]);

    const twice = parseVenueCsv(csv([GOOD], [...FIELD_NAMES, 'nom']));
    expect(twice.venues).toEqual([]);
    expect(twice.errors).toEqual([{ row: 1, field: 'nom', message: 'column "nom" appears twice (columns 3 and 33); nothing was imported' }]);
  });

  it('counts rows as records: quoted line breaks and blank lines keep the spreadsheet numbering', () => {
    const text = csv([row({ presentation_detail: 'Ligne 1\nLigne 2\n\nLigne 4' }), row({ id: 'x', pivot: '1' })]) + '\n' + csv([row({ id: 'y', nom: '' })]).split('\n')[1] + '\n';
    const { venues, errors } = parseVenueCsv(text);
    expect(venues.map((v) => v.row)).toEqual([2]);
    expect(venues[0]?.description).toBe('Ligne 1\nLigne 2\n\nLigne 4');
    expect(where(errors)).toEqual([
      { row: 3, field: 'pivot' },
      { row: 5, field: 'nom' },
    ]);
  });

  it('reports a row whose cell count differs from the header', () => {
    const good = csv([GOOD]);
    const short = FIELD_NAMES.slice(1).map((name) => quote(GOOD[name] ?? '')).join(',');
    // Row 4 ends with an extra empty cell, as some spreadsheets write: that is harmless.
    const trailing = `${good.split('\n')[1]?.replace('"cso-1"', '"cso-2"')},""`;
    const { venues, errors } = parseVenueCsv(`${good}${short}\n${trailing}\n`);
    expect(venues.map((v) => v.row)).toEqual([2, 4]);
    expect(errors).toEqual([{ row: 3, message: 'the row has 31 cells but the header has 32; check for an unquoted comma or a missing cell' }]);
  });

  it('rejects malformed CSV with the line of the problem', () => {
    const { venues, errors } = parseVenueCsv(`${csv([GOOD])}"cso-2,oops\n`);
    expect(venues).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.row).toBe(3);
    expect(errors[0]?.message).toMatch(/^malformed CSV at line \d+ of the file: .*; nothing was imported$/);
  });

  it('reports an empty file, and imports nothing from a header alone', () => {
    expect(parseVenueCsv('')).toEqual({ venues: [], errors: [{ row: 1, message: 'the file is empty: expected a header row with the column names of the standard' }] });
    expect(parseVenueCsv(csv([]))).toEqual({ venues: [], errors: [] });
  });

  it('tolerates surrounding spaces, spaces around "|" and decomposed accents', () => {
    const decomposed = 'Se présenter|Téléphoner'.normalize('NFD');
    const { venues, errors } = parseVenueCsv(csv([row({ nom: '  EPN  ', publics_specifiquement_adresses: 'Jeunes | Seniors', modalites_acces: decomposed, code_postal: ' 60100 ' })]));
    expect(errors).toEqual([]);
    expect(venues[0]).toMatchObject({ name: 'EPN', postcode: '60100', publics: ['Jeunes', 'Seniors'], accessModes: ['Se présenter', 'Téléphoner'] });
  });
});

describe('schema-driven validation', () => {
  const raw = JSON.parse(readFileSync(join(__dirname, 'standard-mediation-num.schema.json'), 'utf8')) as { fields: { name: string; constraints: Record<string, unknown> }[] };

  it('applies the constraints of the schema passed in', () => {
    const stricter = structuredClone(raw);
    const nom = stricter.fields.find((f) => f.name === 'nom');
    if (nom) nom.constraints['maxLength'] = 10;
    const { venues, errors } = parseVenueCsv(csv([GOOD]), readTableSchema(stricter));
    expect(venues).toEqual([]);
    expect(errors).toEqual([{ row: 2, field: 'nom', message: 'Nom (nom): 32 characters, at most 10 allowed' }]);
    expect(parseVenueCsv(csv([GOOD])).errors).toEqual([]);
  });

  it('refuses a schema it cannot fully enforce', () => {
    const geo = structuredClone(raw) as { fields: Record<string, unknown>[] };
    geo.fields.push({ name: 'position', type: 'geopoint' });
    expect(() => readTableSchema(geo)).toThrow('Invalid table schema: field "position": unsupported type "geopoint"');
    expect(() => readTableSchema({ fields: [{ name: 'id', constraints: { required: 'yes' } }] })).toThrow('field "id".constraints.required: expected true or false');
    expect(() => parseVenueCsv('id\n1\n', readTableSchema({ fields: [{ name: 'id' }] }))).toThrow('no field "pivot", which the hub needs');
  });
});
