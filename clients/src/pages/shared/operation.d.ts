/** A `.graphql` file of clients/operations, as the build imports it: its exact text and SHA-256. */
declare module '*.graphql' {
  const operation: { text: string; hash: string };
  export default operation;
}
