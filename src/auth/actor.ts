import { AppError } from '../errors.js';
import type { Permission, Role } from './permissions.js';

/** The logged-in account a request acts for. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The data scope: this unit and everything below it. null = the whole company. */
  orgUnitId: string | null;
  orgUnitName: string | null;
  /** e.g. '/HN/HN01/HN0101/'; null = unrestricted. */
  orgPath: string | null;
  employeeId: number | null;
  permissions: Set<Permission>;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError('AUTH_FORBIDDEN', `Your role (${actor.role}) lacks the permission ${permission}`, 403, {
      permission,
    });
  }
}

/** Whether a record of the org unit at `path` lies inside the actor's data scope. */
export function inScope(actor: Actor, path: string): boolean {
  return actor.orgPath === null || path.startsWith(actor.orgPath);
}

export function requireInScope(actor: Actor, path: string, what: string): void {
  if (!inScope(actor, path)) {
    throw new AppError('AUTH_OUT_OF_SCOPE', `${what} belongs to an org unit outside your data scope`, 403, {
      scope: actor.orgUnitId,
    });
  }
}

/**
 * A LIKE pattern matching every org path inside the actor's scope ('%' when unrestricted).
 * Paths are built from ids; escaping keeps an id holding '_' or '%' from widening the scope.
 */
export function scopePattern(actor: Actor): string {
  if (actor.orgPath === null) return '%';
  return `${actor.orgPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
