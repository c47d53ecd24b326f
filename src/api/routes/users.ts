import { Type } from '@fastify/type-provider-typebox';
import { auditAs } from '../../auth/users-audit.js';
import { addUser, changeUser, listUsers, resetPassword } from '../../auth/users.js';
import type { Db } from '../../db/db.js';
import { actorOf } from '../auth-hooks.js';
import type { GridcareApp } from '../types.js';

const Password = Type.String({ minLength: 1, maxLength: 256 });
const Permissions = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 });
const OrgUnitId = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]);
const UsernameParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) });

/** Account management (user:admin): every change is audited with before and after, never a password. */
export function registerUserRoutes(app: GridcareApp, db: Db): void {
  app.get(
    '/api/v1/users',
    { config: { permission: 'user:admin' }, schema: { tags: ['users'], summary: 'Every account, by username' } },
    async () => ({ items: await listUsers(db) }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'user:admin' },
      schema: {
        tags: ['users'],
        summary: 'Create an account (password at least 8 characters; audited)',
        body: Type.Object({
          username: Type.String({ maxLength: 64 }),
          displayName: Type.String({ minLength: 1, maxLength: 100 }),
          role: Type.String({ maxLength: 40 }),
          orgUnitId: OrgUnitId,
          permissions: Type.Optional(Permissions),
          employeeNo: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
          password: Password,
        }),
      },
    },
    async (request, reply) => {
      const audit = auditAs(actorOf(request));
      const created = await db.transaction((tx) => addUser(tx, request.body, audit));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/v1/users/:username',
    {
      config: { permission: 'user:admin' },
      schema: {
        tags: ['users'],
        summary: 'Change role, org unit, extra permissions, display name or disabled (audited)',
        params: UsernameParams,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            role: Type.Optional(Type.String({ maxLength: 40 })),
            orgUnitId: Type.Optional(OrgUnitId),
            permissions: Type.Optional(Permissions),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const audit = auditAs(actorOf(request));
      return db.transaction((tx) => changeUser(tx, request.params.username, request.body, audit));
    },
  );

  app.post(
    '/api/v1/users/:username/password',
    {
      config: { permission: 'user:admin' },
      schema: {
        tags: ['users'],
        summary: "Reset an account's password; ends all of its sessions (audited without the password)",
        params: UsernameParams,
        body: Type.Object({ password: Password }),
      },
    },
    async (request) => {
      const audit = auditAs(actorOf(request));
      await db.transaction((tx) => resetPassword(tx, request.params.username, request.body.password, audit));
      return { ok: true };
    },
  );
}
