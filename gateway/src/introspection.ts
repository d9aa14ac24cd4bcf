import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller, Role } from '@pass/access';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/** True when the operation asks for `__schema` or `__type` anywhere, fragments included. */
export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Introspection decided per caller: Apollo's `introspection` switch is global (and off for
 * everyone under NODE_ENV=production), whereas analysts and operators need the schema in GraphiQL
 * while partner roles in production run registered operations only. `__typename` stays open to
 * all: clients add it to every selection.
 */
export function introspectionByRole(allowed: readonly Role[]): ApolloServerPlugin<{ caller: Caller }> {
  const roles = new Set(allowed);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (roles.has(contextValue.caller.role) || !asksForSchema(document)) return;
          throw new GraphQLError(`a ${contextValue.caller.role} may not introspect the schema here`, {
            extensions: { code: 'INTROSPECTION_DISABLED', http: { status: 403 } },
          });
        },
      };
    },
  };
}
