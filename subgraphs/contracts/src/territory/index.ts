// Server side only: reads the official administrative division from @etalab/decoupage-administratif.
export {
  parseTerritoryEntry,
  formatTerritoryEntry,
  findCommune,
  isCommuneInTerritory,
  describeTerritory,
  loadTerritoryData,
  InvalidTerritoryEntryError,
  TERRITORY_LEVELS,
  type TerritoryEntry,
  type TerritoryLevel,
  type Commune,
  type DescribedTerritoryEntry,
  type TerritoryDataStats,
} from './territory';
