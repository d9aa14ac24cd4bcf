import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/**
 * What a page bundled by `bundlePage` may load: only the gateway's own files, its API over HTTP
 * and WebSocket, and inline fonts and images. A page that reaches for a CDN breaks visibly here
 * rather than silently on a closed network.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves a bundled page at `mountPath` with no authentication: the page itself holds no data,
 * every call it makes to `/graphql` carries the token its user typed. When the bundle is missing
 * (the gateway package was not built) the route answers 503 saying so, instead of a bare 404.
 */
export function servePage(app: Express, mountPath: string, dir: string): void {
  const mount = mountPath.replace(/\/$/, '');
  const index = path.join(dir, 'index.html');
  app.use(mount, (req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send(`${mount} is not built: run \`npm run build\``);
      return;
    }
    if (req.path === '/' || req.path === '') {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
      return;
    }
    next();
  });
  app.use(mount, express.static(dir, { index: false, maxAge: '1h' }));
}
