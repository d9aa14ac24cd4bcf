import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';

/**
 * Programme territories, as lists of typed INSEE / SIREN codes, checked against the official
 * administrative division shipped by `@etalab/decoupage-administratif`.
 *
 * Entries are typed because the code spaces collide: "27" is both the Eure département and the
 * Bourgogne-Franche-Comté région, and a bare code could silently widen or shrink a territory.
 */

export const TERRITORY_LEVELS = ['commune', 'departement', 'region', 'epci'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** One entry of a programme territory; its string form (GraphQL, config) is `level:code`. */
export interface TerritoryEntry {
  level: TerritoryLevel;
  /** INSEE code for a commune ("60175", "2A004"), département ("60", "2A", "971") or région ("27"); SIREN for an EPCI. */
  code: string;
}

export interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  /** SIREN of the EPCI (intercommunality) the commune belongs to; a few islands belong to none. */
  epci: string | undefined;
}

export interface DescribedTerritoryEntry extends TerritoryEntry {
  name: string;
  /** Human label such as "Creuse (département 23)", for dashboards and error messages. */
  label: string;
}

export interface TerritoryDataStats {
  communes: number;
  departements: number;
  regions: number;
  epcis: number;
  /** Wall time of the one-off load (read + parse + index), in milliseconds. */
  loadMs: number;
}

/**
 * Thrown for a territory entry that is malformed or names no known place: the caller's mistake, so
 * a `BAD_USER_INPUT` GraphQL error naming the `territory` field (the shape of the kit's BadInputError,
 * which this package cannot import).
 */
export class InvalidTerritoryEntryError extends GraphQLError {
  constructor(
    readonly entry: string,
    reason: string,
  ) {
    super(`Invalid territory entry ${JSON.stringify(entry)}: ${reason}`, { extensions: { code: 'BAD_USER_INPUT', field: 'territory' } });
  }
}

interface NamedArea {
  code: string;
  name: string;
}

interface TerritoryData {
  communes: Map<string, Commune>;
  /** Paris, Lyon and Marseille arrondissement codes → their commune's code. */
  municipalArrondissements: Map<string, string>;
  departements: Map<string, NamedArea & { region: string }>;
  regions: Map<string, NamedArea>;
  epcis: Map<string, NamedArea>;
  stats: TerritoryDataStats;
}

const LEVEL_LABELS: Record<TerritoryLevel, string> = {
  commune: 'commune',
  departement: 'département',
  region: 'région',
  epci: 'EPCI',
};

let data: TerritoryData | undefined;

/**
 * Loads and indexes the administrative division once, then serves every lookup from Maps.
 * Measured on the 2-core dev machine (Node 20, package v6.0.0): 200–260 ms, about 6 MB of heap
 * retained after GC (RSS grows 20–30 MB) for 34,969 communes, 109 départements, 26 régions and
 * 1,255 EPCIs; the ~12.6 MB of JSON text and its parsed objects are garbage once indexed. After
 * that a territory check is a few Map lookups (~0.1 µs). Callers that must not pay the load on a
 * first request (a redemption on Monday morning) call `loadTerritoryData()` at start-up.
 */
export function loadTerritoryData(): TerritoryDataStats {
  return territoryData().stats;
}

function territoryData(): TerritoryData {
  data ??= buildTerritoryData();
  return data;
}

/**
 * Reads the package's JSON files directly: its index.js resolves them against the current working
 * directory, and `require` would keep the full ~12 MB parsed arrays alive in the module cache
 * when only a slim index is needed.
 */
function readDataFile(name: 'communes' | 'departements' | 'regions' | 'epci'): unknown[] {
  const path = require.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) {
    throw new Error(`${path}: expected a JSON array`);
  }
  return parsed;
}

function field(record: unknown, key: string, file: string): string {
  const value = (record as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') {
    // A new major version of the data package changing its shape must fail loudly, not yield
    // territories that silently match nothing.
    throw new Error(`@etalab/decoupage-administratif ${file}.json: record without string "${key}": ${JSON.stringify(record)}`);
  }
  return value;
}

function buildTerritoryData(): TerritoryData {
  const started = performance.now();

  const regions = new Map<string, NamedArea>();
  for (const r of readDataFile('regions')) {
    const code = field(r, 'code', 'regions');
    regions.set(code, { code, name: field(r, 'nom', 'regions') });
  }

  const departements = new Map<string, NamedArea & { region: string }>();
  for (const d of readDataFile('departements')) {
    const code = field(d, 'code', 'departements');
    departements.set(code, { code, name: field(d, 'nom', 'departements'), region: field(d, 'region', 'departements') });
  }

  const epcis = new Map<string, NamedArea>();
  const epciOfCommune = new Map<string, string>();
  for (const e of readDataFile('epci')) {
    const code = field(e, 'code', 'epci');
    epcis.set(code, { code, name: field(e, 'nom', 'epci') });
    const members = (e as { membres?: unknown }).membres;
    if (!Array.isArray(members)) {
      throw new Error(`@etalab/decoupage-administratif epci.json: EPCI ${code} has no "membres" array`);
    }
    for (const member of members) {
      epciOfCommune.set(field(member, 'code', 'epci'), code);
    }
  }

  const communes = new Map<string, Commune>();
  const municipalArrondissements = new Map<string, string>();
  for (const c of readDataFile('communes')) {
    const type = field(c, 'type', 'communes');
    const code = field(c, 'code', 'communes');
    if (type === 'commune-actuelle') {
      communes.set(code, {
        code,
        name: field(c, 'nom', 'communes'),
        departement: field(c, 'departement', 'communes'),
        region: field(c, 'region', 'communes'),
        epci: epciOfCommune.get(code),
      });
    } else if (type === 'arrondissement-municipal') {
      municipalArrondissements.set(code, field(c, 'commune', 'communes'));
    }
    // Delegated and associated communes are skipped: their codes may equal their current
    // commune's code, and they are not administrative units a programme can target.
  }

  const stats: TerritoryDataStats = {
    communes: communes.size,
    departements: departements.size,
    regions: regions.size,
    epcis: epcis.size,
    loadMs: Math.round(performance.now() - started),
  };
  return { communes, municipalArrondissements, departements, regions, epcis, stats };
}

/**
 * Finds a current commune by its INSEE code. A municipal-arrondissement code of Paris, Lyon or
 * Marseille (e.g. "75111") resolves to its commune ("75056"), because the national address base
 * geocodes addresses there to arrondissement codes; a venue in the 11th must still be in Paris.
 */
export function findCommune(code: string): Readonly<Commune> | undefined {
  const { communes, municipalArrondissements } = territoryData();
  const normalized = code.trim().toUpperCase();
  return communes.get(municipalArrondissements.get(normalized) ?? normalized);
}

function isTerritoryLevel(level: string): level is TerritoryLevel {
  return (TERRITORY_LEVELS as readonly string[]).includes(level);
}

/** Parses `level:code` (e.g. `commune:60175`, `departement:23`, `region:27`, `epci:200068047`) and checks the code exists. */
export function parseTerritoryEntry(s: string): TerritoryEntry {
  const separator = s.indexOf(':');
  if (separator < 0) {
    throw new InvalidTerritoryEntryError(s, `expected "level:code" with level one of ${TERRITORY_LEVELS.join(', ')}`);
  }
  const level = s.slice(0, separator).trim().toLowerCase();
  // Corsican codes are upper case in the reference ("2A004"); accept "2a004" as typed by hand.
  const code = s.slice(separator + 1).trim().toUpperCase();
  if (!isTerritoryLevel(level)) {
    throw new InvalidTerritoryEntryError(s, `unknown level "${level}", expected one of ${TERRITORY_LEVELS.join(', ')}`);
  }
  if (code === '') {
    throw new InvalidTerritoryEntryError(s, `missing ${LEVEL_LABELS[level]} code`);
  }
  const entry: TerritoryEntry = { level, code };
  if (areaName(entry) === undefined) {
    const parent = level === 'commune' ? territoryData().municipalArrondissements.get(code) : undefined;
    // An arrondissement is not a commune: widening it to the whole city silently would pay
    // venues outside the funded area, so the caller must choose.
    const hint = parent === undefined ? '' : ` (it is a municipal arrondissement; use commune:${parent} for the whole commune)`;
    throw new InvalidTerritoryEntryError(s, `unknown ${LEVEL_LABELS[level]} code "${code}"${hint}`);
  }
  return entry;
}

/** The inverse of `parseTerritoryEntry`. */
export function formatTerritoryEntry(entry: TerritoryEntry): string {
  return `${entry.level}:${entry.code}`;
}

function areaName(entry: TerritoryEntry): string | undefined {
  const d = territoryData();
  switch (entry.level) {
    case 'commune':
      return d.communes.get(entry.code)?.name;
    case 'departement':
      return d.departements.get(entry.code)?.name;
    case 'region':
      return d.regions.get(entry.code)?.name;
    case 'epci':
      return d.epcis.get(entry.code)?.name;
  }
}

/**
 * Whether a commune lies in a territory. An unknown commune code is outside every territory
 * rather than an error, so that redemption answers OUTSIDE_TERRITORY instead of failing.
 */
export function isCommuneInTerritory(communeCode: string, entries: readonly TerritoryEntry[]): boolean {
  const commune = findCommune(communeCode);
  if (commune === undefined) {
    return false;
  }
  return entries.some((entry) => {
    switch (entry.level) {
      case 'commune':
        return entry.code === commune.code;
      case 'departement':
        return entry.code === commune.departement;
      case 'region':
        return entry.code === commune.region;
      case 'epci':
        return entry.code === commune.epci;
    }
  });
}

/** Names each entry, e.g. `{ level: 'departement', code: '23', name: 'Creuse', label: 'Creuse (département 23)' }`. */
export function describeTerritory(entries: readonly TerritoryEntry[]): DescribedTerritoryEntry[] {
  return entries.map((entry) => {
    const name = areaName(entry);
    if (name === undefined) {
      throw new InvalidTerritoryEntryError(formatTerritoryEntry(entry), `unknown ${LEVEL_LABELS[entry.level]} code "${entry.code}"`);
    }
    return { level: entry.level, code: entry.code, name, label: `${name} (${LEVEL_LABELS[entry.level]} ${entry.code})` };
  });
}
