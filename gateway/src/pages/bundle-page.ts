import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface PageBundle {
  /** The page's browser entry (`.tsx` or `.ts`); CSS it imports lands in `page.css`. */
  entry: string;
  /** Where `index.html`, `page.js` and `page.css` are written (emptied first). */
  outDir: string;
  /** The URL path the gateway serves the directory at, e.g. `/graphiql`. */
  mountPath: string;
  title: string;
}

/**
 * Bundles a browser page at build time into static files the gateway serves itself: no CDN, no
 * bundler at run time, so a page works on a closed network. esbuild is loaded lazily: it is a
 * build tool, and the running gateway never needs it. Shared by every page the gateway serves
 * (`servePage` in ./serve-page serves the result).
 */
export async function bundlePage(page: PageBundle): Promise<{ bytes: number }> {
  const { build } = await import('esbuild');
  rmSync(page.outDir, { recursive: true, force: true });
  mkdirSync(page.outDir, { recursive: true });
  const result = await build({
    entryPoints: { page: page.entry },
    outdir: page.outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    // Fonts and images of the stylesheets are inlined: the page makes no request but its own.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const base = page.mountPath.replace(/\/$/, '');
  writeFileSync(
    path.join(page.outDir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}/page.css">
<script type="module" src="${base}/page.js"></script>
</head>
<body><div id="root"></div></body>
</html>
`,
  );
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { bytes };
}
