/**
 * The stream's cursors are `<xid>.<seq>` (set by the vouchers subgraph, docs/live.md); the
 * gateway only compares them, to drop what a resuming socket already has.
 */
export function compareCursors(a: string, b: string): number {
  const [ax = '0', as = '0'] = a.split('.');
  const [bx = '0', bs = '0'] = b.split('.');
  const byXid = BigInt(ax) - BigInt(bx);
  if (byXid !== 0n) return byXid < 0n ? -1 : 1;
  const bySeq = BigInt(as) - BigInt(bs);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}

export const isCursor = (value: string) => /^\d{1,19}\.\d{1,19}$/.test(value);
