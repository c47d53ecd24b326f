import type { Command } from 'commander';
import { generatePassword } from '../auth/passwords.js';
import { auditFromCli } from '../auth/users-audit.js';
import { addUser, changeUser, listUsers, resetPassword, type UserAccount } from '../auth/users.js';
import type { Db } from '../db/db.js';
import { openConfiguredDb } from '../db/open-configured.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';

type Print = (line: string) => void;

export interface AddUserOptions {
  username: string;
  role: string;
  orgUnit: string;
  displayName?: string | undefined;
  password?: string | undefined;
}

/** Creates an account; a generated password is printed once and stored only hashed. */
export async function runUserAdd(db: Db, options: AddUserOptions, print: Print = console.log): Promise<UserAccount> {
  const password = options.password ?? generatePassword();
  const created = await db.transaction((tx) =>
    addUser(
      tx,
      {
        username: options.username,
        displayName: options.displayName ?? options.username,
        role: options.role,
        orgUnitId: options.orgUnit,
        password,
      },
      auditFromCli,
    ),
  );
  print(`Created account ${created.username} (${created.role}, org unit ${created.orgUnitId ?? 'whole company'}).`);
  if (options.password === undefined) print(`Password (shown once, store it now): ${password}`);
  return created;
}

export async function runUserList(db: Db, print: Print = console.log): Promise<UserAccount[]> {
  const users = await listUsers(db);
  for (const u of users) {
    const extra = u.permissions.length > 0 ? ` +${u.permissions.join(',')}` : '';
    print(
      [u.username, u.role, u.orgUnitId ?? '(whole company)', u.displayName, u.employeeNo ?? '-', u.disabled ? 'disabled' : 'active']
        .join('\t')
        .concat(extra),
    );
  }
  if (users.length === 0) print('No accounts yet.');
  return users;
}

export async function runUserSetPassword(db: Db, username: string, password: string | undefined, print: Print = console.log) {
  const chosen = password ?? generatePassword();
  await db.transaction((tx) => resetPassword(tx, username, chosen, auditFromCli));
  print(`Password of ${username} reset; its open sessions have ended.`);
  if (password === undefined) print(`New password (shown once, store it now): ${chosen}`);
}

export async function runUserDisable(db: Db, username: string, print: Print = console.log) {
  await db.transaction((tx) => changeUser(tx, username, { disabled: true }, auditFromCli));
  print(`Account ${username} disabled; its open sessions have ended.`);
}

async function withDb(options: Record<string, unknown>, work: (db: Db) => Promise<unknown>): Promise<void> {
  const db = await openConfiguredDb(configFromFlags(options));
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

const DB_FLAGS = ['dataDir', 'databaseUrl'] as const;

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage accounts (audited; passwords are stored only hashed)');
  withConfigFlags(
    user
      .command('add')
      .description('Create an account; without --password a random one is printed once')
      .requiredOption('--username <name>', 'login name')
      .requiredOption('--role <role>', 'admin, manager, agent, hall_staff, grid_manager or qa_inspector')
      .requiredOption('--org-unit <id>', 'org unit of the data scope, e.g. HN01')
      .option('--display-name <name>', 'name shown in the app (default: the username)')
      .option('--password <password>', 'at least 8 characters'),
    DB_FLAGS,
  ).action((options: AddUserOptions & Record<string, unknown>) => withDb(options, (db) => runUserAdd(db, options)));
  withConfigFlags(user.command('list').description('List every account'), DB_FLAGS).action((options: Record<string, unknown>) =>
    withDb(options, (db) => runUserList(db)),
  );
  withConfigFlags(
    user
      .command('set-password')
      .description("Reset an account's password and end its sessions; without --password a random one is printed once")
      .requiredOption('--username <name>', 'login name')
      .option('--password <password>', 'at least 8 characters'),
    DB_FLAGS,
  ).action((options: { username: string; password?: string } & Record<string, unknown>) =>
    withDb(options, (db) => runUserSetPassword(db, options.username, options.password)),
  );
  withConfigFlags(
    user.command('disable').description('Disable an account and end its sessions').requiredOption('--username <name>', 'login name'),
    DB_FLAGS,
  ).action((options: { username: string } & Record<string, unknown>) => withDb(options, (db) => runUserDisable(db, options.username)));
}
