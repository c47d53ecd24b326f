import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { notFound } from '../errors.js';
import type { GridcareApp } from './types.js';

/** dist/web relative to this file: src/api → repo root in dev (tsx), dist/api → repo root when built. */
export const DEFAULT_WEB_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../dist/web');

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Gridcare</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Gridcare</h1><p>The web app has not been built yet. Run <code>npm run build</code> and restart.</p>
<p>网页前端尚未构建，请运行 <code>npm run build</code> 后重新启动。</p>
<p>The API is up: <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/**
 * Serves the Vite build with an SPA fallback: any non-/api GET that is not a file gets
 * index.html so client-side routes survive a reload. /api paths that match no route answer
 * NOT_FOUND in the API's error shape.
 */
export async function registerStaticWeb(app: GridcareApp, webRoot: string): Promise<void> {
  const built = existsSync(path.join(webRoot, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') throw notFound(`Route ${request.method} ${request.url.split('?')[0]}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') throw notFound(`Route ${request.method} ${request.url}`);
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.sendFile('index.html');
  });
}
