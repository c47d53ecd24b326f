import type { FastifyRequest, RouteOptions } from 'fastify';
import { requirePermission } from '../auth/actor.js';
import { findSessionActor, SESSION_COOKIE } from '../auth/sessions.js';
import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import type { GridcareApp, RouteCatalogEntry } from './types.js';

/** Paths served without a session besides routes marked `public`: the OpenAPI UI. */
const isDocsPath = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Every /api route must say what it needs; a route that forgets fails at start-up instead of
 * silently serving data to anyone.
 */
export function assertRouteDeclaresAccess(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || isDocsPath(route.url)) return;
  const config = route.config as { permission?: string; public?: boolean } | undefined;
  if (!config?.permission && config?.public !== true) {
    throw new Error(`Route ${String(route.method)} ${route.url} declares neither config.permission nor config.public`);
  }
}

export function registerAuthHooks(app: GridcareApp, db: Db): void {
  app.decorateRequest('actor', null);
  const catalog: RouteCatalogEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    assertRouteDeclaresAccess(route);
    for (const method of [route.method].flat()) {
      catalog.push({ method, url: route.url, permission: route.config?.permission ?? null, public: route.config?.public === true });
    }
  });
  // onRequest, before body parsing and validation: without a session nothing about the route leaks.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/') || isDocsPath(url)) return;
    const config = request.routeOptions.config;
    if (config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await findSessionActor(db, token) : null;
    if (!actor) throw new AppError('AUTH_REQUIRED', 'Log in first (POST /api/v1/auth/login)', 401);
    request.actor = actor;
    if (config.permission) requirePermission(actor, config.permission);
  });
}

/** The actor of a protected route (set by the hook above). */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Log in first (POST /api/v1/auth/login)', 401);
  return request.actor;
}
