import path from 'node:path';
import { bundlePage } from '../pages/bundle-page';
import { GRAPHIQL_BUNDLE_DIR } from './graphiql.route';

/** `npm run build` of the gateway: bundles the GraphiQL page (React, GraphiQL, its CSS) offline. */
async function main(): Promise<void> {
  const { bytes } = await bundlePage({
    entry: path.resolve(__dirname, '..', '..', 'src', 'graphiql', 'page', 'graphiql.tsx'),
    outDir: GRAPHIQL_BUNDLE_DIR,
    mountPath: '/graphiql',
    title: 'Pass numérique hub · GraphiQL',
  });
  process.stdout.write(`GraphiQL bundled: ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${path.relative(process.cwd(), GRAPHIQL_BUNDLE_DIR)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
