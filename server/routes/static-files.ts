/**
 * Serving the web app's files from one folder: no build step, no directory listing, no path outside the folder.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/** Resolves a URL path inside `root`, or undefined when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

/** A folder served under a URL prefix; `only`, when given, must match the path below the prefix. */
export interface StaticMount {
  prefix: string;
  dir: string;
  only?: RegExp;
}

/** Static file routes for the folders given: URL prefix → folder. */
export function staticFiles(mounts: StaticMount[]): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('*', async (c, next) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    if (!mount || (mount.only && !mount.only.test(path.slice(mount.prefix.length)))) return next();
    const file = resolveInside(mount.dir, path.slice(mount.prefix.length - 1));
    const type = file ? TYPES[extname(file)] : undefined;
    if (!file || !type) return next();
    try {
      if (!(await stat(file)).isFile()) return next();
      const bytes = await readFile(file);
      return c.body(bytes, 200, { 'Content-Type': type, 'Cache-Control': path.endsWith('.html') ? 'no-cache' : 'public, max-age=300' });
    } catch {
      return next();
    }
  });
  return routes;
}
