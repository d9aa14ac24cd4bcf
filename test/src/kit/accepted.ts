/**
 * The result of a mutation the rules accepted, for fixtures and benches that set data up through
 * the managers: a refusal there is a broken fixture, so it fails loudly with its code and message.
 */
export function accepted<A extends { error: { code: string; message: string } | null }, K extends Exclude<keyof A, 'error'>>(answer: A, result: K): NonNullable<A[K]> {
  const value = answer[result];
  if (answer.error || value == null) throw new Error(`refused: ${answer.error?.code ?? 'no result'}: ${answer.error?.message ?? ''}`);
  return value as NonNullable<A[K]>;
}
