import { Field, ObjectType } from 'type-graphql';

/**
 * The mutation contract (docs/module-recipe.md): a refusal the domain's rules can give is data
 * in the payload, `error { code message }`, never a thrown error. Managers return
 * `{ <result>: null, error: refusal(Code.X, '…') }`; resolvers hand that answer back as it is.
 */
export interface Refusal<C extends string> {
  code: C;
  message: string;
}

export function refusal<C extends string>(code: C, message: string): Refusal<C> {
  return { code, message };
}

/**
 * The schema type of one mutation's refusals, `<Name>Error { code: <Name>ErrorCode! message }`.
 * One factory so that every payload's error reads the same; the enum must be registered with
 * `registerEnumType` (with a description per value) before the schema is built.
 */
export function refusalType<E extends Record<string, string>>(codes: E, name: string, mutation: string) {
  @ObjectType(name, { description: `Why ${mutation} refused.` })
  class RefusalOf {
    @Field(() => codes, { description: 'Stable code of the refusal, for programs.' })
    code!: E[keyof E];

    @Field({ description: 'The refusal in words, for people (English); programs read `code`.' })
    message!: string;
  }
  return RefusalOf;
}
