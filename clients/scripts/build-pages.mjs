// Bundles the dashboard and the venue counter page for the gateway to serve: everything they
// need (graphql-ws, Chart.js, the shared voucher-code check) is in the bundle, so the pages work
// with no internet. Operations are imported from clients/operations as { text, hash }: the page
// sends the SHA-256 the gateway registered, so it runs in production (persisted-only) mode.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'pages');
mkdirSync(out, { recursive: true });

const persistedOperations = {
  name: 'persisted-operations',
  setup(b) {
    b.onLoad({ filter: /\.graphql$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const hash = createHash('sha256').update(text).digest('hex');
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
