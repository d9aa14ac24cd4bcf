// Tests read GraphQL answers loosely: @types/node types `Response.json()` as `Promise<unknown>`,
// which would make every assertion on a body a cast. Only the tests' type check sees this file.
declare global {
  interface Response {
    json(): Promise<any>;
  }
}
export {};
