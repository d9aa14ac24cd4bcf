// Bundles the dashboard and the venue counter page for the gateway to serve: everything they
// need (graphql-ws, Chart.js, the shared voucher-code check) is in the bundle, so the pages work
// with no internet. Operations are imported from clients/operations as { text, hash }: the page
// sends the hash the gateway registered (SHA-256 of the normalised document, as GraphQL Code
// Generator writes it to persisted-documents.json), so it runs in production (persisted-only) mode.
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const { documentHash } = createRequire(import.meta.url)('@pass/gateway');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'pages');
mkdirSync(out, { recursive: true });

const persistedOperations = {
  name: 'persisted-operations',
  setup(b) {
    b.onLoad({ filter: /\.graphql$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const hash = documentHash(text);
      if (!hash) throw new Error(`${args.path} does not parse`);
      return { contents: `export default ${JSON.stringify({ text, hash })};`, loader: 'js' };
    });
  },
};

await build({
  entryPoints: {
    venue: path.join(root, 'src/pages/venue/venue.ts'),
    dashboard: path.join(root, 'src/pages/dashboard/dashboard.ts'),
  },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  outdir: out,
  plugins: [persistedOperations],
  logLevel: 'warning',
});

for (const file of ['venue/venue.html', 'dashboard/dashboard.html', 'shared/pages.css']) {
  copyFileSync(path.join(root, 'src/pages', file), path.join(out, path.basename(file)));
}
