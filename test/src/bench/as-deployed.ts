/*
 * Imported first by the benchmarks that compare throughput (`npm run bench`, `npm run bench:overhead`): the hub is
 * measured as it is deployed, in production mode (`NODE_ENV=production`; README, "Persisted
 * operations"), and the hub's processes, Hive Gateway and the floor inherit it. It must run before
 * graphql-js is loaded: graphql-js reads NODE_ENV once, when it loads, and its development build
 * checks every failed `instanceof` for a second copy of graphql-js, which made a page of 100 books
 * cost 1.35 – 1.59× the production build's CPU (`npm run bench:graphql-mode`; docs/benchmarks.md,
 * "Production mode"). A NODE_ENV already set is kept, so `NODE_ENV=development npm run bench`
 * measures the development build.
 */
process.env.NODE_ENV ??= 'production';

/** The mode the run measured, printed in its header and kept in its results. */
export const BENCH_NODE_ENV = process.env.NODE_ENV;
