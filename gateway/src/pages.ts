import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The coordinator dashboard (`/dashboard`) and the venue counter page (`/venue`): static files
 * bundled at build time by the clients package, served from `pagesDir` with no outside host
 * allowed by the Content-Security-Policy, so the pages run on a closed network and an injected
 * script could not load anything or send the token anywhere but this gateway.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Chart.js sizes its canvas through element styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // 'self' covers the same-origin WebSocket of the live feed.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGES: Record<string, string> = { '/dashboard': 'dashboard.html', '/venue': 'venue.html' };

export function mountPages(app: express.Express, pagesDir: string | undefined): void {
  if (!pagesDir) return;
  const secure = (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Content-Security-Policy', POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  for (const [route, file] of Object.entries(PAGES)) {
    app.get(route, secure, (_req, res) => {
      const page = path.join(pagesDir, file);
      if (!existsSync(page)) {
        res.status(503).type('text/plain').send('Page not built: run npm run build.');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(page);
    });
  }
  app.use('/pages', secure, express.static(pagesDir, { index: false, fallthrough: false, maxAge: '5m' }));
}
