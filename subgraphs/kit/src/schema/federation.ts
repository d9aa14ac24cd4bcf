import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse, specifiedDirectives } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { roleChecker } from '../auth/access';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: any, context: any, info: any) => unknown }
>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL with its federation directives, as composition reads it. */
  sdl: string;
}

/**
 * type-graphql builds the schema from the classes; federation needs it as SDL with the
 * directives kept, the `@link` header added, then rebuilt by `buildSubgraphSchema` with the
 * resolvers map plus each entity's `__resolveReference`.
 */
export async function buildFederatedSchema(options: {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references: ReferenceResolvers;
}): Promise<FederatedSchema> {
  const built = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    directives: [...specifiedDirectives],
    validate: { forbidUnknownValues: false },
    skipCheck: true,
    authChecker: roleChecker,
    authMode: 'error',
    // Subscriptions are served by the gateway (docs/live.md); a subgraph only declares them.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('subscriptions are served by the gateway');
      },
    },
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(built)}`;
  const resolvers = createResolversMap(built) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { schema, sdl };
}
