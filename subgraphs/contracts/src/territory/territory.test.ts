import {
  InvalidTerritoryEntryError,
  describeTerritory,
  findCommune,
  formatTerritoryEntry,
  isCommuneInTerritory,
  loadTerritoryData,
  parseTerritoryEntry,
  type TerritoryEntry,
} from './territory';

/** SIREN of the Agglomération Creil Sud Oise, as listed in @etalab/decoupage-administratif epci.json. */
const CREIL_SUD_OISE = '200068047';

const parseAll = (entries: string[]): TerritoryEntry[] => entries.map(parseTerritoryEntry);

describe('territory data', () => {
  it('loads the whole administrative division once', () => {
    const stats = loadTerritoryData();
    expect(stats.communes).toBeGreaterThan(34_000);
    expect(stats.departements).toBeGreaterThanOrEqual(101);
    expect(stats.regions).toBeGreaterThanOrEqual(18);
    expect(stats.epcis).toBeGreaterThan(1_000);
    // The second call is served from memory, with the same stats object.
    expect(loadTerritoryData()).toBe(stats);
  });
});

describe('findCommune', () => {
  it('finds communes of mainland France, Corsica and overseas by INSEE code', () => {
    expect(findCommune('60175')).toEqual({
      code: '60175',
      name: 'Creil',
      departement: '60',
      region: '32',
      epci: CREIL_SUD_OISE,
    });
    expect(findCommune('2A004')).toMatchObject({ name: 'Ajaccio', departement: '2A', region: '94' });
    expect(findCommune('2a004')?.code).toBe('2A004');
    expect(findCommune('97101')).toMatchObject({ name: 'Les Abymes', departement: '971', region: '01' });
    expect(findCommune('23096')).toMatchObject({ name: 'Guéret', departement: '23', region: '75' });
  });

  it('resolves a municipal arrondissement to its commune', () => {
    expect(findCommune('75111')).toMatchObject({ code: '75056', name: 'Paris', departement: '75' });
    expect(findCommune('13201')?.code).toBe('13055');
  });

  it('returns undefined for unknown codes', () => {
    expect(findCommune('99999')).toBeUndefined();
    expect(findCommune('')).toBeUndefined();
    expect(findCommune('60')).toBeUndefined();
  });
});

describe('parseTerritoryEntry', () => {
  it('parses each level and round-trips to the string form', () => {
    for (const s of ['commune:60175', 'commune:2A004', 'departement:23', 'departement:2A', 'departement:971', 'region:27', `epci:${CREIL_SUD_OISE}`]) {
      expect(formatTerritoryEntry(parseTerritoryEntry(s))).toBe(s);
    }
    expect(parseTerritoryEntry(' departement : 2a ')).toEqual({ level: 'departement', code: '2A' });
  });

  it('keeps the colliding codes 27 apart by level', () => {
    const [eure, bfc] = describeTerritory(parseAll(['departement:27', 'region:27']));
    expect(eure?.name).toBe('Eure');
    expect(bfc?.name).toBe('Bourgogne-Franche-Comté');
  });

  it.each([
    ['60175', /"60175".*expected "level:code"/],
    ['ville:60175', /"ville:60175".*unknown level "ville"/],
    ['commune:', /"commune:".*missing commune code/],
    ['commune:99999', /"commune:99999".*unknown commune code "99999"/],
    ['commune:60', /unknown commune code "60"/],
    ['departement:60175', /unknown département code "60175"/],
    ['departement:20', /unknown département code "20"/],
    ['region:23', /"region:23".*unknown région code "23"/],
    ['epci:123456789', /unknown EPCI code "123456789"/],
    ['commune:75111', /municipal arrondissement; use commune:75056/],
  ])('rejects %s with an error naming the entry', (input, message) => {
    expect(() => parseTerritoryEntry(input)).toThrow(InvalidTerritoryEntryError);
    expect(() => parseTerritoryEntry(input)).toThrow(message);
  });

  it('carries the bad entry and a BAD_USER_INPUT code for GraphQL clients', () => {
    try {
      parseTerritoryEntry('region:999');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTerritoryEntryError);
      expect((error as InvalidTerritoryEntryError).entry).toBe('region:999');
      expect((error as InvalidTerritoryEntryError).extensions['code']).toBe('BAD_USER_INPUT');
    }
  });
});

describe('isCommuneInTerritory', () => {
  const creilSudOise = parseAll([`epci:${CREIL_SUD_OISE}`]);

  it('matches the communes of the Creil Sud Oise agglomeration by EPCI', () => {
    for (const code of ['60175', '60463', '60414', '60684']) {
      expect(isCommuneInTerritory(code, creilSudOise)).toBe(true);
    }
    // Beauvais is in the same département but not in the agglomeration.
    expect(isCommuneInTerritory('60057', creilSudOise)).toBe(false);
    expect(isCommuneInTerritory('23096', creilSudOise)).toBe(false);
  });

  it('matches by département and région', () => {
    const creuse = parseAll(['departement:23']);
    expect(isCommuneInTerritory('23096', creuse)).toBe(true);
    expect(isCommuneInTerritory('21231', creuse)).toBe(false);

    expect(isCommuneInTerritory('59033', parseAll(['departement:59']))).toBe(true);
    expect(isCommuneInTerritory('59033', parseAll(['region:32']))).toBe(true);
    expect(isCommuneInTerritory('59033', parseAll(['region:27']))).toBe(false);

    const bfc = parseAll(['region:27']);
    expect(isCommuneInTerritory('21231', bfc)).toBe(true);
    // Évreux is in département 27 (Eure), not in région 27.
    expect(isCommuneInTerritory('27229', bfc)).toBe(false);
    expect(isCommuneInTerritory('27229', parseAll(['departement:27']))).toBe(true);
  });

  it('matches by commune, and unions the entries of a territory', () => {
    const mixed = parseAll(['commune:59033', 'departement:23', 'region:27']);
    expect(isCommuneInTerritory('59033', mixed)).toBe(true);
    expect(isCommuneInTerritory('23096', mixed)).toBe(true);
    expect(isCommuneInTerritory('21231', mixed)).toBe(true);
    expect(isCommuneInTerritory('60175', mixed)).toBe(false);
    expect(isCommuneInTerritory('59350', mixed)).toBe(false);
  });

  it('places Corsican and overseas communes', () => {
    expect(isCommuneInTerritory('2A004', parseAll(['departement:2A']))).toBe(true);
    expect(isCommuneInTerritory('2A004', parseAll(['departement:2B']))).toBe(false);
    expect(isCommuneInTerritory('97101', parseAll(['departement:971']))).toBe(true);
    expect(isCommuneInTerritory('97101', parseAll(['region:01']))).toBe(true);
  });

  it('places an arrondissement of Paris in Paris', () => {
    expect(isCommuneInTerritory('75111', parseAll(['commune:75056']))).toBe(true);
    expect(isCommuneInTerritory('75111', parseAll(['region:11']))).toBe(true);
  });

  it('is false for an unknown commune or an empty territory', () => {
    expect(isCommuneInTerritory('99999', parseAll(['departement:23']))).toBe(false);
    expect(isCommuneInTerritory('23096', [])).toBe(false);
  });
});

describe('describeTerritory', () => {
  it('names every entry', () => {
    expect(describeTerritory(parseAll(['commune:60175', 'departement:23', 'region:27', `epci:${CREIL_SUD_OISE}`]))).toEqual([
      { level: 'commune', code: '60175', name: 'Creil', label: 'Creil (commune 60175)' },
      { level: 'departement', code: '23', name: 'Creuse', label: 'Creuse (département 23)' },
      { level: 'region', code: '27', name: 'Bourgogne-Franche-Comté', label: 'Bourgogne-Franche-Comté (région 27)' },
      { level: 'epci', code: CREIL_SUD_OISE, name: 'CA Creil Sud Oise', label: `CA Creil Sud Oise (EPCI ${CREIL_SUD_OISE})` },
    ]);
  });

  it('rejects an entry built by hand with an unknown code', () => {
    expect(() => describeTerritory([{ level: 'departement', code: '00' }])).toThrow(/"departement:00".*unknown département code "00"/);
  });
});
