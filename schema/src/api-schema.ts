import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { CompositionSuccess } from '@apollo/composition';

/**
 * The schema a partner sees through the gateway: the supergraph without the `join__`/`link__`
 * machinery and the federation directives. Sorted by name so that the file (and its diff against
 * the baseline) does not depend on the order in which subgraphs declare their types.
 */
export function apiSchemaOf(composition: CompositionSuccess): GraphQLSchema {
  return lexicographicSortSchema(composition.schema.toAPISchema().toGraphQLJSSchema());
}

export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
