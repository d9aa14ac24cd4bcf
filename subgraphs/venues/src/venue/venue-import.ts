import { readFileSync } from 'node:fs';
// The sync entry point bundles its own CsvError class: instanceof only works with this one.
import { CsvError, parse } from 'csv-parse/sync';
import { findCommune } from '@pass/contracts/territory';
import { deriveInseeCode, postcodeMismatch } from './geography';
import { openingHoursProblem } from './opening-hours';
import standardSchemaJson from './standard-mediation-num.schema.json';

/**
 * Imports venue files in the national open-data standard for digital-inclusion venues
 * ("standard-mediation-num", a Frictionless table schema). Validation is driven by the schema
 * itself — required flags, types, patterns, lengths, uniqueness — so a new version of the standard
 * is adopted by passing its schema.json, not by editing rules here. The few rules the schema cannot
 * express (coordinate ranges) are listed in `checkCoordinates`.
 *
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first venue is row 2.
 * A row is a CSV record, so a quoted cell spanning several lines still counts as one row.
 */

export interface TableSchemaConstraints {
  required: boolean;
  unique: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
}

export type TableSchemaFieldType = 'string' | 'number' | 'integer' | 'date';

export interface TableSchemaField {
  name: string;
  title?: string;
  type: TableSchemaFieldType;
  example?: string;
  constraints: TableSchemaConstraints;
}

export interface TableSchema {
  name?: string;
  version?: string;
  fields: TableSchemaField[];
  primaryKey: string[];
}

export interface ImportedVenue {
  /** Spreadsheet row the venue came from (header = row 1). */
  row: number;
  /** The producer's own unique id (`id`). */
  sourceId: string;
  /** SIRET, RNA or RIDET as given (`pivot`). */
  pivot: string;
  /** `pivot` when it is a 14-digit SIRET. */
  siret: string | undefined;
  /** `pivot` when it is an association's RNA number (W + 9 digits). */
  rna: string | undefined;
  name: string;
  /** Street part of the address (`adresse`). */
  address: string;
  addressComplement: string | undefined;
  postcode: string;
  /** Commune name as written by the producer (`commune`). */
  commune: string;
  inseeCode: string | undefined;
  latitude: number | undefined;
  longitude: number | undefined;
  typologies: string[];
  phone: string | undefined;
  emails: string[];
  websites: string[];
  /** OpenStreetMap opening_hours syntax, kept verbatim (`horaires`). */
  openingHours: string | undefined;
  summary: string | undefined;
  description: string | undefined;
  /** Organisation that collected the data (`source`). */
  dataSource: string | undefined;
  /** "Itinérant" and/or "Fixe" (`itinerance`). */
  mobility: string[];
  parentOrganisation: string | undefined;
  /** Last update of the record, YYYY-MM-DD (`date_maj`). */
  updatedOn: string;
  services: string[];
  publics: string[];
  /** Specific support: deafness, illiteracy, languages… (`prise_en_charge_specifique`). */
  specificSupport: string[];
  fees: string[];
  nationalProgrammes: string[];
  labels: string[];
  otherLabels: string | undefined;
  /** How to get in: walk in, phone, book online… (`modalites_acces`). */
  accessModes: string[];
  /** Autonomous, individual, group workshop, remote (`modalites_accompagnement`). */
  supportModes: string[];
  accessibilityUrl: string | undefined;
  bookingUrl: string | undefined;
}

export interface RowError {
  /** Spreadsheet row: 1 is the header (file-level problems are reported there too), 2 the first venue. */
  row: number;
  /** The column concerned, by its name in the standard (or as found in the header). */
  field?: string;
  message: string;
}

export interface VenueImport {
  venues: ImportedVenue[];
  errors: RowError[];
}

/** Columns the hub cannot do without, whatever the schema passed in says. */
const HUB_REQUIRED_FIELDS = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'] as const;

/** Columns that hold `|`-separated lists although the schema gives them no pattern to say so. */
const FREE_LIST_FIELDS = new Set(['typologie', 'courriels', 'site_web']);

const SEPARATOR = '|';

// ---------------------------------------------------------------------------------------------
// Schema

function fail(where: string, problem: string): never {
  throw new Error(`Invalid table schema: ${where}: ${problem}`);
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(where, 'expected a string');
  return value;
}

function optionalNumber(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, 'expected a number');
  return value;
}

function optionalBoolean(value: unknown, where: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') fail(where, 'expected true or false');
  return value;
}

/**
 * Checks a parsed Frictionless table schema and keeps what the importer uses. Unsupported types or
 * formats throw rather than being skipped, so that a future version of the standard cannot pass
 * rows unchecked.
 */
export function readTableSchema(json: unknown): TableSchema {
  if (typeof json !== 'object' || json === null) fail('root', 'expected an object');
  const root = json as Record<string, unknown>;
  if (!Array.isArray(root['fields']) || root['fields'].length === 0) fail('fields', 'expected a non-empty array');

  const fields = (root['fields'] as unknown[]).map((raw, index): TableSchemaField => {
    if (typeof raw !== 'object' || raw === null) fail(`fields[${index}]`, 'expected an object');
    const f = raw as Record<string, unknown>;
    const name = optionalString(f['name'], `fields[${index}].name`);
    if (!name) fail(`fields[${index}].name`, 'missing');
    const where = `field "${name}"`;
    const type = optionalString(f['type'], `${where}.type`) ?? 'string';
    if (type !== 'string' && type !== 'number' && type !== 'integer' && type !== 'date') {
      fail(where, `unsupported type "${type}"`);
    }
    const format = optionalString(f['format'], `${where}.format`);
    if (format !== undefined && format !== 'default') {
      fail(where, `unsupported format "${format}"`);
    }
    const c = (f['constraints'] ?? {}) as Record<string, unknown>;
    if (typeof c !== 'object' || c === null) fail(`${where}.constraints`, 'expected an object');
    const enumValues = c['enum'];
    if (enumValues !== undefined && (!Array.isArray(enumValues) || !enumValues.every((v) => typeof v === 'string'))) {
      fail(`${where}.constraints.enum`, 'expected an array of strings');
    }
    const constraints: TableSchemaConstraints = {
      required: optionalBoolean(c['required'], `${where}.constraints.required`),
      unique: optionalBoolean(c['unique'], `${where}.constraints.unique`),
    };
    const pattern = optionalString(c['pattern'], `${where}.constraints.pattern`);
    if (pattern !== undefined) constraints.pattern = pattern;
    const minLength = optionalNumber(c['minLength'], `${where}.constraints.minLength`);
    if (minLength !== undefined) constraints.minLength = minLength;
    const maxLength = optionalNumber(c['maxLength'], `${where}.constraints.maxLength`);
    if (maxLength !== undefined) constraints.maxLength = maxLength;
    const minimum = optionalNumber(c['minimum'], `${where}.constraints.minimum`);
    if (minimum !== undefined) constraints.minimum = minimum;
    const maximum = optionalNumber(c['maximum'], `${where}.constraints.maximum`);
    if (maximum !== undefined) constraints.maximum = maximum;
    if (enumValues !== undefined) constraints.enum = enumValues as string[];

    const field: TableSchemaField = { name, type, constraints };
    const title = optionalString(f['title'], `${where}.title`);
    if (title !== undefined) field.title = title;
    const example = optionalString(f['example'], `${where}.example`);
    if (example !== undefined) field.example = example;
    return field;
  });

  const names = new Set(fields.map((f) => f.name));
  if (names.size !== fields.length) fail('fields', 'duplicate field names');

  const rawKey = root['primaryKey'];
  const primaryKey = rawKey === undefined ? [] : typeof rawKey === 'string' ? [rawKey] : rawKey;
  if (!Array.isArray(primaryKey) || !primaryKey.every((k): k is string => typeof k === 'string' && names.has(k))) {
    fail('primaryKey', 'expected field names');
  }

  const schema: TableSchema = { fields, primaryKey };
  const name = optionalString(root['name'], 'name');
  if (name !== undefined) schema.name = name;
  const version = optionalString(root['version'], 'version');
  if (version !== undefined) schema.version = version;
  return schema;
}

/** Reads a schema.json from disk, e.g. a newer version of the standard. */
export function loadTableSchema(path: string): TableSchema {
  return readTableSchema(JSON.parse(readFileSync(path, 'utf8')));
}

let defaultSchema: TableSchema | undefined;

/** The copy of standard-mediation-num v1.0.2 shipped next to this module. */
export function defaultVenueSchema(): TableSchema {
  defaultSchema ??= readTableSchema(standardSchemaJson);
  return defaultSchema;
}

// ---------------------------------------------------------------------------------------------
// Compiled checks

interface CompiledField {
  field: TableSchemaField;
  label: string;
  required: boolean;
  unique: boolean;
  /** The schema pattern, anchored: Frictionless patterns must match the whole value. */
  pattern: RegExp | undefined;
  /** For `|`-separated controlled lists: one allowed item, and the allowed items for messages. */
  list: { item: RegExp; allowed: string[] } | undefined;
  splits: boolean;
}

interface CompiledSchema {
  schema: TableSchema;
  fields: Map<string, CompiledField>;
  /** Position of each field in the schema. */
  order: Map<string, number>;
}

const compiled = new WeakMap<TableSchema, CompiledSchema>();

/**
 * The standard writes every controlled list as `(?:(?:^|\|)(A|B|C))+$`: one or more allowed
 * values, each after the start or a `|`. Recognising that shape lets an error name the bad item
 * instead of quoting a 600-character regex.
 */
const LIST_PATTERN = /^\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/s;

function compileRegExp(source: string, where: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      // Some schema authors escape characters that unicode mode refuses (e.g. "\-").
      return new RegExp(source);
    } catch (error) {
      return fail(where, `bad pattern: ${(error as Error).message}`);
    }
  }
}

/** Splits `A|B\(x\)` on unescaped, top-level `|` and unescapes the parts, for display. */
function listAlternatives(alternatives: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < alternatives.length; i++) {
    const ch = alternatives[i] as string;
    if (ch === '\\' && i + 1 < alternatives.length) {
      current += alternatives[i + 1];
      i++;
    } else if (ch === '(') {
      depth++;
      current += ch;
    } else if (ch === ')') {
      depth--;
      current += ch;
    } else if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function compileSchema(schema: TableSchema): CompiledSchema {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const fields = new Map<string, CompiledField>();
  for (const field of schema.fields) {
    const where = `field "${field.name}"`;
    const { pattern } = field.constraints;
    const listMatch = pattern === undefined ? null : LIST_PATTERN.exec(pattern);
    const alternatives = listMatch?.[1];
    fields.set(field.name, {
      field,
      label: field.title ? `${field.title} (${field.name})` : field.name,
      required: field.constraints.required || (HUB_REQUIRED_FIELDS as readonly string[]).includes(field.name),
      unique: field.constraints.unique || (schema.primaryKey.length === 1 && schema.primaryKey[0] === field.name),
      pattern: pattern === undefined ? undefined : compileRegExp(`^(?:${pattern})$`, where),
      list:
        alternatives === undefined
          ? undefined
          : { item: compileRegExp(`^(?:${alternatives})$`, where), allowed: listAlternatives(alternatives) },
      splits: alternatives !== undefined || FREE_LIST_FIELDS.has(field.name),
    });
  }
  for (const name of HUB_REQUIRED_FIELDS) {
    if (!fields.has(name)) fail('fields', `no field "${name}", which the hub needs to import a venue`);
  }
  const result = { schema, fields, order: new Map(schema.fields.map((f, index) => [f.name, index])) };
  compiled.set(schema, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Cell checks

/** Folds case and accents, to suggest "Compréhension" for "Comprehension" — but never to accept it. */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closest(value: string, candidates: readonly string[]): string | undefined {
  const folded = fold(value);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(folded, fold(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // A third of the length keeps "service" → "services" while not matching unrelated words.
  return bestDistance <= Math.max(1, Math.floor(folded.length / 3)) ? best : undefined;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type CellValue = string | number | string[];

/** Checks one non-empty cell against its field; returns the typed value or an error message. */
function checkCell(c: CompiledField, raw: string): { value: CellValue } | { error: string } {
  const { field, label } = c;
  const quoted = JSON.stringify(raw);

  let value: string | number = raw;
  if (field.type === 'number' || field.type === 'integer') {
    const shape = field.type === 'number' ? NUMBER : INTEGER;
    if (!shape.test(raw)) {
      const hint = /^[+-]?\d+,\d+$/.test(raw) ? ' (use a dot as the decimal separator)' : '';
      return { error: `${label}: ${quoted} is not ${field.type === 'number' ? 'a number' : 'an integer'}${hint}` };
    }
    value = Number(raw);
    const { minimum, maximum } = field.constraints;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
      return { error: `${label}: ${raw} is out of range [${minimum ?? '-∞'}, ${maximum ?? '+∞'}]` };
    }
  } else if (field.type === 'date') {
    const m = ISO_DATE.exec(raw);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!m || !date) {
      return { error: `${label}: ${quoted} is not a date in the form YYYY-MM-DD` };
    }
    // Date.UTC rolls 2024-02-30 over to March; reading the parts back catches impossible dates.
    if (date.getUTCFullYear() !== Number(m[1]) || date.getUTCMonth() + 1 !== Number(m[2]) || date.getUTCDate() !== Number(m[3])) {
      return { error: `${label}: ${quoted} is not a valid calendar date` };
    }
  }

  const { minLength, maxLength } = field.constraints;
  const length = [...raw].length;
  if (maxLength !== undefined && length > maxLength) {
    return { error: `${label}: ${length} characters, at most ${maxLength} allowed` };
  }
  if (minLength !== undefined && length < minLength) {
    return { error: `${label}: ${length} characters, at least ${minLength} required` };
  }

  if (c.list && !c.pattern?.test(raw)) {
    const items = raw.split(SEPARATOR);
    const bad = items.filter((item) => !c.list?.item.test(item));
    if (bad.length === 0 || bad.includes('')) {
      return { error: `${label}: ${quoted} has an empty value; separate values with a single "${SEPARATOR}"` };
    }
    const described = bad.map((item) => {
      const suggestion = closest(item, c.list?.allowed ?? []);
      return suggestion ? `${JSON.stringify(item)} (did you mean ${JSON.stringify(suggestion)}?)` : JSON.stringify(item);
    });
    return {
      error: `${label}: unknown value${bad.length > 1 ? 's' : ''} ${described.join(', ')}; allowed values, separated by "${SEPARATOR}": ${c.list.allowed.join('; ')}`,
    };
  }
  if (c.pattern && !c.pattern.test(raw)) {
    const example = field.example ? `, e.g. ${JSON.stringify(field.example)}` : '';
    return { error: `${label}: ${quoted} does not match the expected pattern ${field.constraints.pattern}${example}` };
  }
  const allowed = field.constraints.enum;
  if (allowed && !allowed.includes(raw)) {
    return { error: `${label}: ${quoted} is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
  }

  if (c.splits) {
    return { value: raw.split(SEPARATOR).filter((item) => item !== '') };
  }
  return { value };
}

/** Rules the table schema cannot express: WGS84 ranges, and a position needs both coordinates. */
function checkCoordinates(values: Map<string, CellValue>, fields: Map<string, CompiledField>, report: (field: string, message: string) => void): void {
  const ranges = { latitude: 90, longitude: 180 } as const;
  for (const [name, limit] of Object.entries(ranges)) {
    const value = values.get(name);
    if (typeof value === 'number' && Math.abs(value) > limit) {
      report(name, `${fields.get(name)?.label ?? name}: ${value} is out of range [-${limit}, ${limit}] (WGS84 degrees)`);
      values.delete(name);
    }
  }
  const hasLatitude = values.has('latitude');
  const hasLongitude = values.has('longitude');
  if (hasLatitude !== hasLongitude) {
    const missing = hasLatitude ? 'longitude' : 'latitude';
    report(missing, `${fields.get(missing)?.label ?? missing}: required when ${hasLatitude ? 'latitude' : 'longitude'} is given`);
  }
}

// ---------------------------------------------------------------------------------------------
// File

interface HeaderPlan {
  /** Schema field name for each column, or undefined for a column that is ignored. */
  columns: (string | undefined)[];
  errors: RowError[];
  /** What keeps every row out, if anything: the first such problem of the header. */
  fault: FileFault | undefined;
}

function planHeader(header: string[], schema: CompiledSchema): HeaderPlan {
  const errors: RowError[] = [];
  const columns: (string | undefined)[] = [];
  const seen = new Map<string, number>();
  let fault: FileFault | undefined;
  const known = [...schema.fields.keys()];
  const present = new Set(header.filter((h) => schema.fields.has(h)));
  const missing = known.filter((name) => !present.has(name));
  const claimed = new Set<string>();

  header.forEach((label, index) => {
    if (label === '') {
      errors.push({ row: 1, message: `column ${index + 1} has no header; its values are ignored` });
      columns.push(undefined);
      return;
    }
    if (schema.fields.has(label)) {
      const first = seen.get(label);
      if (first !== undefined) {
        errors.push({ row: 1, field: label, message: `column "${label}" appears twice (columns ${first + 1} and ${index + 1}); nothing was imported` });
        fault ??= 'COLUMN_REPEATED';
      }
      seen.set(label, index);
      columns.push(label);
      return;
    }
    // The standard names columns exactly; guessing what a misnamed one holds could put phone
    // numbers among e-mails, so its values are dropped and the producer is told the right name.
    const suggestion = closest(label, missing.filter((name) => !claimed.has(name)));
    if (suggestion !== undefined) claimed.add(suggestion);
    errors.push({
      row: 1,
      field: label,
      message:
        suggestion !== undefined
          ? `column "${label}" is not in the standard: it should be named "${suggestion}"; its values are ignored`
          : `column "${label}" is not in the standard; its values are ignored`,
    });
    columns.push(undefined);
  });

  for (const name of missing) {
    const c = schema.fields.get(name);
    if (c?.required) {
      fault ??= 'REQUIRED_COLUMN_MISSING';
      errors.push({ row: 1, field: name, message: `required column "${name}" (${c.field.title ?? name}) is missing; no row can be imported without it` });
    } else if (!claimed.has(name)) {
      errors.push({ row: 1, field: name, message: `column "${name}" is missing; the standard expects every column, even empty (its values are taken as empty)` });
    }
  }
  return { columns, errors, fault };
}

function text(values: Map<string, CellValue>, name: string): string | undefined {
  const value = values.get(name);
  return typeof value === 'string' ? value : undefined;
}

function list(values: Map<string, CellValue>, name: string): string[] {
  const value = values.get(name);
  return Array.isArray(value) ? value : [];
}

function coordinate(values: Map<string, CellValue>, name: string): number | undefined {
  const value = values.get(name);
  return typeof value === 'number' ? value : undefined;
}

function toVenue(row: number, values: Map<string, CellValue>): ImportedVenue {
  const pivot = text(values, 'pivot') ?? '';
  const hasPosition = values.has('latitude') && values.has('longitude');
  return {
    row,
    sourceId: text(values, 'id') ?? '',
    pivot,
    siret: /^\d{14}$/.test(pivot) ? pivot : undefined,
    rna: /^W\d{9}$/i.test(pivot) ? pivot.toUpperCase() : undefined,
    name: text(values, 'nom') ?? '',
    address: text(values, 'adresse') ?? '',
    addressComplement: text(values, 'complement_adresse'),
    postcode: text(values, 'code_postal') ?? '',
    commune: text(values, 'commune') ?? '',
    inseeCode: text(values, 'code_insee')?.toUpperCase(),
    latitude: hasPosition ? coordinate(values, 'latitude') : undefined,
    longitude: hasPosition ? coordinate(values, 'longitude') : undefined,
    typologies: list(values, 'typologie'),
    phone: text(values, 'telephone'),
    emails: list(values, 'courriels'),
    websites: list(values, 'site_web'),
    openingHours: text(values, 'horaires'),
    summary: text(values, 'presentation_resume'),
    description: text(values, 'presentation_detail'),
    dataSource: text(values, 'source'),
    mobility: list(values, 'itinerance'),
    parentOrganisation: text(values, 'structure_parente'),
    updatedOn: text(values, 'date_maj') ?? '',
    services: list(values, 'services'),
    publics: list(values, 'publics_specifiquement_adresses'),
    specificSupport: list(values, 'prise_en_charge_specifique'),
    fees: list(values, 'frais_a_charge'),
    nationalProgrammes: list(values, 'dispositif_programmes_nationaux'),
    labels: list(values, 'formations_labels'),
    otherLabels: text(values, 'autres_formations_labels'),
    accessModes: list(values, 'modalites_acces'),
    supportModes: list(values, 'modalites_accompagnement'),
    accessibilityUrl: text(values, 'fiche_acces_libre'),
    bookingUrl: text(values, 'prise_rdv'),
  };
}

/**
 * Normalises a cell: Unicode NFC, since files saved on macOS may hold decomposed accents that the
 * schema's patterns would not match; surrounding spaces, which spreadsheets add and no value of
 * the standard carries; and, in lists, spaces around `|` ("Jeunes | Femmes").
 */
function normaliseCell(raw: string, splits: boolean): string {
  const value = raw.normalize('NFC').trim();
  return splits ? value.split(SEPARATOR).map((item) => item.trim()).join(SEPARATOR) : value;
}

/** Rows whose pivot is this say "SIRET unknown" (the national cartography writes it so). */
export const UNKNOWN_PIVOT = '00000000000000';

/**
 * A SIRET's last digit is a Luhn check digit; La Poste's establishments (SIREN 356000000) use a
 * sum divisible by 5 instead, as INSEE documents.
 */
export function siretChecksumOk(siret: string): boolean {
  let sum = 0;
  for (let i = 0; i < siret.length; i++) {
    let digit = Number(siret[siret.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  if (siret.startsWith('356000000')) return [...siret].reduce((total, d) => total + Number(d), 0) % 5 === 0;
  return sum % 10 === 0;
}

/**
 * The hub's rules beyond the table schema, each tied to one column: a SIRET's check digit,
 * readable opening hours, an INSEE code that exists and agrees with the postcode — or, when the
 * file gives none, one derived from the postcode and the commune's name. They run only on cells
 * the schema accepted, so a row never gets two errors for one column.
 */
function checkHubRules(values: Map<string, CellValue>, fields: Map<string, CompiledField>, failed: (field: string) => boolean, report: (field: string, message: string) => void): void {
  const label = (name: string): string => fields.get(name)?.label ?? name;
  const pivot = values.get('pivot');
  if (typeof pivot === 'string' && /^\d{14}$/.test(pivot) && pivot !== UNKNOWN_PIVOT && !siretChecksumOk(pivot)) {
    report('pivot', `${label('pivot')}: ${JSON.stringify(pivot)} is not a valid SIRET (its check digit is wrong)`);
  }
  const hours = values.get('horaires');
  if (typeof hours === 'string') {
    const problem = openingHoursProblem(hours);
    if (problem !== undefined) report('horaires', `${label('horaires')}: ${JSON.stringify(hours)} is not in OpenStreetMap opening_hours syntax: ${problem}`);
  }
  const postcode = values.get('code_postal');
  const insee = values.get('code_insee');
  if (typeof postcode !== 'string' || failed('code_insee')) return;
  if (typeof insee === 'string') {
    if (!findCommune(insee)) {
      report('code_insee', `${label('code_insee')}: ${JSON.stringify(insee)} is not the INSEE code of a current commune`);
      return;
    }
    const mismatch = postcodeMismatch(postcode, insee);
    if (mismatch !== undefined) report('code_postal', `${label('code_postal')}: ${mismatch}`);
    return;
  }
  const commune = values.get('commune');
  if (typeof commune !== 'string') return;
  const derived = deriveInseeCode(postcode, commune);
  if ('code' in derived) values.set('code_insee', derived.code);
  else report('code_insee', `${label('code_insee')}: not given, and cannot be derived: ${derived.problem}`);
}

/** A problem of the whole file that keeps every row out: the import's refusal, `ImportVenuesErrorCode`. */
export type FileFault = 'EMPTY_FILE' | 'NOT_COMMA_SEPARATED' | 'COLUMN_REPEATED' | 'REQUIRED_COLUMN_MISSING' | 'MALFORMED_CSV';

export type HeaderReading = { errors: RowError[]; fault: FileFault | undefined };
export type RowReading = { venue: ImportedVenue; errors: [] } | { venue: undefined; errors: RowError[] };

/**
 * Reads a file in the standard one record at a time, so that a caller can stream a large file:
 * the header first, then each row with its spreadsheet number. The only state kept between rows
 * is the values of `unique` columns seen so far (to report a repeated `id`).
 */
export class VenueRowReader {
  private readonly schema: CompiledSchema;
  private plan: HeaderPlan | undefined;
  private width = 0;
  private readonly firstRowOf = new Map<string, Map<string, number>>();

  constructor(schema: TableSchema = defaultVenueSchema()) {
    this.schema = compileSchema(schema);
  }

  readHeader(rawHeader: string[] | undefined): HeaderReading {
    if (rawHeader === undefined || rawHeader.every((cell) => cell.trim() === '')) {
      return { errors: [{ row: 1, message: 'the file is empty: expected a header row with the column names of the standard' }], fault: 'EMPTY_FILE' };
    }
    const header = rawHeader.map((cell) => normaliseCell(cell, false));
    const firstCell = header[0] ?? '';
    if (header.length === 1) {
      const separator = firstCell.includes(';') ? 'semicolon' : firstCell.includes('\t') ? 'tab' : undefined;
      if (separator !== undefined) {
        return {
          errors: [{ row: 1, message: `the file looks ${separator}-separated: the standard requires commas between columns (CSV, RFC 4180); nothing was imported` }],
          fault: 'NOT_COMMA_SEPARATED',
        };
      }
    }
    const plan = planHeader(header, this.schema);
    this.plan = plan;
    this.width = header.length;
    return { errors: plan.errors, fault: plan.fault };
  }

  readRow(cells: string[], row: number): RowReading | undefined {
    const plan = this.plan;
    if (!plan || plan.fault) throw new Error('readRow before a usable header');
    if (cells.every((cell) => cell.trim() === '')) return undefined;

    const trailing = cells.slice(this.width);
    if (cells.length < this.width || trailing.some((cell) => cell.trim() !== '')) {
      return { venue: undefined, errors: [{ row, message: `the row has ${cells.length} cells but the header has ${this.width}; check for an unquoted comma or a missing cell` }] };
    }

    const rowErrors: RowError[] = [];
    // One error per field: a later rule (e.g. coordinate pairing) must not pile onto a field
    // that already failed.
    const report = (field: string, message: string): void => {
      if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ row, field, message });
    };
    const failed = (field: string): boolean => rowErrors.some((e) => e.field === field);
    const values = new Map<string, CellValue>();
    const uniques: [Map<string, number>, string][] = [];
    for (const c of this.schema.fields.values()) {
      const column = plan.columns.indexOf(c.field.name);
      const raw = column < 0 ? '' : normaliseCell(cells[column] ?? '', c.splits);
      if (raw === '') {
        if (c.required) report(c.field.name, `${c.label} is required`);
        continue;
      }
      const checked = checkCell(c, raw);
      if ('error' in checked) {
        report(c.field.name, checked.error);
        continue;
      }
      if (c.unique) {
        const seen = this.firstRowOf.get(c.field.name) ?? new Map<string, number>();
        this.firstRowOf.set(c.field.name, seen);
        const first = seen.get(raw);
        if (first !== undefined) {
          report(c.field.name, `${c.label}: ${JSON.stringify(raw)} is already used by row ${first}; it must be unique`);
          continue;
        }
        uniques.push([seen, raw]);
      }
      values.set(c.field.name, checked.value);
    }
    checkCoordinates(values, this.schema.fields, report);
    checkHubRules(values, this.schema.fields, failed, report);

    if (rowErrors.length > 0) {
      // Column order, so that errors read left to right as in the spreadsheet.
      rowErrors.sort((x, y) => (this.schema.order.get(x.field ?? '') ?? 0) - (this.schema.order.get(y.field ?? '') ?? 0));
      return { venue: undefined, errors: rowErrors };
    }
    // Only a row that imports claims its unique values: a corrected copy further down may reuse them.
    for (const [seen, raw] of uniques) seen.set(raw, row);
    return { venue: toVenue(row, values), errors: [] };
  }
}

/** csv-parse options shared by the in-memory and the streaming readers. */
export const CSV_OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

/** The error for a structural CSV problem, which stops reading at the record where it happened. */
export function malformedCsvError(error: unknown): RowError | undefined {
  // The streaming parser's errors are another CsvError class, named 'Error': its `CSV_…` code tells them.
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (!(error instanceof CsvError) && !(typeof code === 'string' && code.startsWith('CSV_'))) return undefined;
  const csvError = error as CsvError;
  // `records` counts the records read before the broken one, header included.
  const before = typeof csvError['records'] === 'number' ? csvError['records'] : 0;
  const line = typeof csvError['lines'] === 'number' ? csvError['lines'] : undefined;
  return { row: before + 1, message: `malformed CSV${line === undefined ? '' : ` at line ${line} of the file`}: ${csvError.message}; nothing was imported` };
}

/**
 * Parses a CSV export in the standard (comma-separated, UTF-8, `|` inside multi-valued cells;
 * a BOM and CRLF line ends are accepted). Each bad row yields one error per bad field and is left
 * out; good rows import. Problems with the header are reported on row 1: a missing required column
 * or a structural CSV error (unclosed quote, other separator) rejects the whole file. For large
 * files, `importVenueStream` reads the same way without holding the file.
 */
export function parseVenueCsv(text: string, schema: TableSchema = defaultVenueSchema()): VenueImport {
  let records: string[][];
  try {
    records = parse(text, CSV_OPTIONS);
  } catch (error) {
    const malformed = malformedCsvError(error);
    if (malformed) return { venues: [], errors: [malformed] };
    throw error;
  }
  const reader = new VenueRowReader(schema);
  const [rawHeader, ...rows] = records;
  const header = reader.readHeader(rawHeader);
  if (header.fault) return { venues: [], errors: header.errors };
  const errors = [...header.errors];
  const venues: ImportedVenue[] = [];
  rows.forEach((cells, index) => {
    const reading = reader.readRow(cells, index + 2);
    if (!reading) return;
    if (reading.venue) venues.push(reading.venue);
    else errors.push(...reading.errors);
  });
  return { venues, errors };
}
