/** One page of a connection, as a test reads it. */
export interface PageOf<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every node of a connection, following `endCursor` page by page. A page that claims more rows but
 * gives no cursor, or more pages than `maxPages`, fails rather than loops.
 */
export async function everyNode<T>(fetchPage: (after: string | null) => Promise<PageOf<T>>, maxPages = 100): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < maxPages; pages++) {
    const page: PageOf<T> = await fetchPage(after);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    if (!page.pageInfo.endCursor) throw new Error('a page says more rows follow but gives no endCursor');
    after = page.pageInfo.endCursor;
  }
  throw new Error(`still more rows after ${maxPages} pages`);
}
