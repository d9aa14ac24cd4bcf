import { readFileSync } from 'node:fs';
import { describeTerritory, findCommune } from '@pass/contracts/territory';

/**
 * Where a venue is, from `@etalab/decoupage-administratif` (the same data as the kit's territory
 * module, which knows communes by INSEE code but not their postcodes). Postcodes and INSEE codes
 * are different code spaces: one postcode covers several communes (73410: Entrelacs, La Biolle,
 * Saint-Ours) and a city several postcodes, so a venue's pair must be checked, and an INSEE code
 * is derived from a postcode only with the commune's name.
 */

export interface Place {
  /** INSEE code of the current commune (a Paris/Lyon/Marseille arrondissement resolves to its city). */
  code: string;
  name: string;
  departement: { code: string; name: string };
  region: { code: string; name: string };
  epci: string | undefined;
}

interface PostcodeEntry {
  /** Current commune's INSEE code. */
  code: string;
  /** Folded name the producer may write: the commune's, an arrondissement's or a former commune's. */
  folded: string;
  name: string;
}

interface GeographyIndex {
  /** INSEE code (communes and arrondissements) → its postcodes. */
  postcodesOfCode: Map<string, string[]>;
  /** Postcode → communes (and their delegated or associated former communes) it serves. */
  entriesOfPostcode: Map<string, PostcodeEntry[]>;
}

let index: GeographyIndex | undefined;

/** Folds case, accents, hyphens and "St"/"Ste" so that "ST-OURS" finds "Saint-Ours". */
export function foldCommuneName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .trim()
    .replace(/\b(\d+)(?:er|e|eme)?\s+arrondissement$/, '$1');
}

function geography(): GeographyIndex {
  if (index) return index;
  const path = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const records = JSON.parse(readFileSync(path, 'utf8')) as {
    code: string;
    nom: string;
    type: string;
    codesPostaux?: string[];
    chefLieu?: string;
    commune?: string;
  }[];
  const postcodesOfCode = new Map<string, string[]>();
  const entriesOfPostcode = new Map<string, PostcodeEntry[]>();
  const add = (postcode: string, entry: PostcodeEntry): void => {
    const list = entriesOfPostcode.get(postcode) ?? [];
    if (!list.some((e) => e.code === entry.code && e.folded === entry.folded)) list.push(entry);
    entriesOfPostcode.set(postcode, list);
  };
  for (const r of records) {
    if (r.type !== 'commune-actuelle' && r.type !== 'arrondissement-municipal') continue;
    const postcodes = r.codesPostaux ?? [];
    postcodesOfCode.set(r.code, postcodes);
    const current = r.type === 'arrondissement-municipal' ? (r.commune ?? r.code) : r.code;
    for (const postcode of postcodes) add(postcode, { code: current, folded: foldCommuneName(r.nom), name: r.nom });
    if (current !== r.code) {
      // "Lyon" with 69002 names the city itself; its postcodes are its arrondissements'.
      const cityName = findCommune(current)?.name;
      if (cityName) for (const postcode of postcodes) add(postcode, { code: current, folded: foldCommuneName(cityName), name: cityName });
      const city = postcodesOfCode.get(current) ?? [];
      postcodesOfCode.set(current, [...new Set([...city, ...postcodes])]);
    }
  }
  // A former commune (now delegated or associated) keeps its name on addresses; it has no
  // postcode of its own, so it is found under its current commune's postcodes.
  for (const r of records) {
    if ((r.type !== 'commune-deleguee' && r.type !== 'commune-associee') || !r.chefLieu) continue;
    for (const postcode of postcodesOfCode.get(r.chefLieu) ?? []) {
      add(postcode, { code: r.chefLieu, folded: foldCommuneName(r.nom), name: r.nom });
    }
  }
  index = { postcodesOfCode, entriesOfPostcode };
  return index;
}

/** The commune of an INSEE code with its département and région, or undefined for an unknown code. */
export function placeOf(inseeCode: string): Place | undefined {
  const commune = findCommune(inseeCode);
  if (!commune) return undefined;
  const [departement, region] = describeTerritory([
    { level: 'departement', code: commune.departement },
    { level: 'region', code: commune.region },
  ]);
  return {
    code: commune.code,
    name: commune.name,
    departement: { code: commune.departement, name: departement?.name ?? commune.departement },
    region: { code: commune.region, name: region?.name ?? commune.region },
    epci: commune.epci,
  };
}

/** The postcodes of a commune (or arrondissement) by INSEE code. */
export function postcodesOf(inseeCode: string): string[] {
  return geography().postcodesOfCode.get(inseeCode.trim().toUpperCase()) ?? [];
}

/** Why a postcode and an INSEE code do not name the same place, or undefined when they agree. */
export function postcodeMismatch(postcode: string, inseeCode: string): string | undefined {
  const code = inseeCode.trim().toUpperCase();
  const known = postcodesOf(code);
  // Codes without postcodes in the data (a few overseas collectivities) cannot be checked.
  if (known.length === 0 || known.includes(postcode)) return undefined;
  const name = findCommune(code)?.name ?? code;
  return `postcode ${postcode} is not a postcode of ${name} (INSEE ${code}), whose postcode${known.length > 1 ? 's are' : ' is'} ${known.join(', ')}`;
}

export type DerivedInseeCode = { code: string } | { problem: string; ambiguous: boolean };

/**
 * The INSEE code of the commune named `communeName` among those `postcode` serves. When the name
 * does not settle it (several communes of that name, or a name the postcode does not serve) the
 * caller is told the candidates rather than given a guess.
 */
export function deriveInseeCode(postcode: string, communeName: string): DerivedInseeCode {
  const entries = geography().entriesOfPostcode.get(postcode) ?? [];
  if (entries.length === 0) return { problem: `postcode ${postcode} serves no commune`, ambiguous: false };
  const folded = foldCommuneName(communeName);
  let codes = [...new Set(entries.filter((e) => e.folded === folded).map((e) => e.code))];
  if (codes.length === 0) {
    // "Pont de Claix" for "Le Pont-de-Claix": an article left out, and nothing else, still names one commune.
    const bare = (s: string): string => s.replace(/^(?:le|la|les|l) /, '');
    codes = [...new Set(entries.filter((e) => bare(e.folded) === bare(folded)).map((e) => e.code))];
  }
  if (codes.length === 1) return { code: codes[0] as string };
  const candidates = [...new Map(entries.map((e) => [e.code, `${findCommune(e.code)?.name ?? e.name} (${e.code})`])).values()];
  if (codes.length > 1) {
    return { problem: `"${communeName}" with postcode ${postcode} is ambiguous: ${codes.map((c) => `${findCommune(c)?.name ?? c} (${c})`).join(', ')}; give code_insee`, ambiguous: true };
  }
  if (candidates.length === 1) {
    return { problem: `"${communeName}" is not the commune of postcode ${postcode}, which is ${candidates[0]}; correct the name or give code_insee`, ambiguous: false };
  }
  return {
    problem: `"${communeName}" is none of the communes of postcode ${postcode} (${candidates.join(', ')}); correct the name or give code_insee`,
    ambiguous: true,
  };
}
