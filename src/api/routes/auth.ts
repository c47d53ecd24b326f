import { Type } from '@fastify/type-provider-typebox';
import { login } from '../../auth/login.js';
import { deleteSession, describeActor, SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import type { Db } from '../../db/db.js';
import { actorOf } from '../auth-hooks.js';
import type { GridcareApp } from '../types.js';

export function registerAuthRoutes(app: GridcareApp, db: Db): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the httpOnly session cookie',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
      },
    },
    async (request, reply) => {
      const { actor, token } = await login(db, request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: 'auto',
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: describeActor(actor) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { permission: 'org:read' }, schema: { tags: ['auth'], summary: 'End the session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { permission: 'org:read' }, schema: { tags: ['auth'], summary: 'The logged-in account' } },
    async (request) => ({ user: describeActor(actorOf(request)) }),
  );
}
