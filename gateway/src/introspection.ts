import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller, Role } from '@pass/access';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Documents already walked: Apollo Server keeps each query text's parsed document, so a partner's
 * operation is the same node request after request (a walk per request was ≈ 1 % of the gateway's
 * CPU on the mixed partner load, issue 12).
 */
const schemaAsked = new WeakMap<DocumentNode, boolean>();

/** True when the operation asks for `__schema` or `__type` anywhere, fragments included. */
export function asksForSchema(document: DocumentNode): boolean {
  const known = schemaAsked.get(document);
  if (known !== undefined) return known;
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
  schemaAsked.set(document, found);
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
