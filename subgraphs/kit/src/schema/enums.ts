import { getMetadataStorage, registerEnumType } from 'type-graphql';

type EnumConfig<T extends object> = Parameters<typeof registerEnumType<T>>[1];

/**
 * Registers an enum shared through @pass/contracts (which knows no type-graphql) with the schema
 * builder. Every subgraph that exposes it calls this; when several run in one process (the tests,
 * the in-process launcher) the first registration serves them all, as one enum object must map to
 * one GraphQL type.
 */
export function registerEnumOnce<T extends object>(enumObject: T, config: EnumConfig<T>): void {
  if (getMetadataStorage().enums.some((e) => e.enumObj === enumObject)) return;
  registerEnumType(enumObject, config);
}
