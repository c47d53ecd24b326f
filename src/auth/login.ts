import type { Db } from '../db/db.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession, findActorByUserId } from './sessions.js';

// Verified against when the username is unknown, so a wrong username costs as long as a
// wrong password and response times do not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

export interface LoginResult {
  actor: Actor;
  token: string;
  expiresAt: Date;
}

/** Checks the throttle, then the password; a failure is counted before it is reported. */
export async function login(db: Db, username: string, password: string, ip: string): Promise<LoginResult> {
  await assertLoginAllowed(db, username, ip);
  const rows = await db.query<{ user_id: number; password_hash: string; disabled: boolean }>(
    'SELECT user_id, password_hash, disabled FROM app_user WHERE username = $1',
    [username],
  );
  const user = rows[0];
  decoyHash ??= hashPassword('decoy-password-for-timing');
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
  const actor = user && ok && !user.disabled ? await findActorByUserId(db, user.user_id) : null;
  if (!actor) {
    await recordLoginFailure(db, username, ip);
    throw new AppError('AUTH_INVALID_CREDENTIALS', 'Username or password is wrong', 401);
  }
  await clearLoginFailures(db, username);
  const session = await createSession(db, actor.userId);
  return { actor, ...session };
}
