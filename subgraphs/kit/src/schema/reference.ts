/**
 * Every entity a subgraph owns or extends resolves its federation reference the same way: by id,
 * through the request's loader, so that a gateway plan asking for 500 references makes one query.
 * `x.reference.ts` is one line on this helper (docs/module-recipe.md).
 */
export function referenceBy<C, T>(load: (ctx: C, id: string) => Promise<T | null> | T | null) {
  return {
    __resolveReference: (ref: { id: string }, ctx: C) => load(ctx, ref.id),
  };
}
