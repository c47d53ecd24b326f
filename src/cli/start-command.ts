import type { Command } from 'commander';
import { buildApp } from '../api/app.js';
import { ensureAdmin } from '../auth/accounts.js';
import { DEMO_PASSWORD, type SeededAccount, seedDemoAccounts } from '../auth/demo-accounts.js';
import type { Config } from '../config/config.js';
import { describeDatabase, openConfiguredDb } from '../db/open-configured.js';
import { ensureDefaultQaScheme } from '../qa/store/scheme-store.js';
import { configFromFlags, withConfigFlags } from './config-flags.js';
import { demoWorldMarker, loadFirstStartDemo, markDerivedFactsBuilt } from './first-start.js';
import { buildDerivedFacts } from './first-start-derived.js';

export function registerStartCommand(program: Command): void {
  withConfigFlags(
    program
      .command('start')
      .description('Start the Gridcare server (first start: migrate, create admin, load the demo world)'),
    [
      'port',
      'host',
      'dataDir',
      'databaseUrl',
      'adminPassword',
      'demoCustomers',
      'demoMonths',
      'demoSeed',
      'logLevel',
      'portraitSweepHours',
    ],
  ).action(async (options: Record<string, unknown>) => {
    await startServer(configFromFlags(options));
  });
}

/** Opens and migrates the store, prepares accounts and demo data, then serves until a signal. */
export async function startServer(config: Config): Promise<void> {
  console.log(`Opening the database (${describeDatabase(config)}) …`);
  const db = await openConfiguredDb(config);
  try {
    // The routine QA scheme must be live before any call is inspected (first-start demo included).
    await ensureDefaultQaScheme(db);
    const admin = await ensureAdmin(db, config);
    const demo = await loadFirstStartDemo(db, config);
    if (demo.loaded)
      console.log(
        `Demo world loaded: ${demo.customers} customers in ${demo.seconds.toFixed(1)} s (ground truth: ${demo.groundTruth}).`,
      );
    else console.log(`No demo world loaded: ${demo.reason}.`);
    const marker = await demoWorldMarker(db);
    if (marker?.status === 'loaded' && !marker.derived) {
      const derived = await buildDerivedFacts(db);
      console.log(
        `Demo calls inspected (${derived.calls}) and ${derived.subjects} portraits built in ${derived.seconds.toFixed(1)} s.`,
      );
      await markDerivedFactsBuilt(db, derived);
    }
    // Demo accounts with a published password exist only next to demo data, never beside real data.
    const demoAccounts = marker?.status === 'loaded' ? await seedDemoAccounts(db) : [];

    // The QA worker inspects each new call within a second and runs re-inspection jobs; the
    // portrait refresher recomputes the portraits of whatever subjects new data touched.
    const app = await buildApp(config, db, {
      logger: true,
      qaWorker: true,
      portraitRefresher: { sweepHours: config.portraitSweepHours },
    });
    await app.listen({ port: config.port, host: config.host });
    printWelcome(config, app.server.address(), admin, demoAccounts);

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal} received: closing the server and the database …`);
      try {
        await app.close();
      } finally {
        await db.close();
      }
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

function printWelcome(
  config: Config,
  address: ReturnType<import('node:net').Server['address']>,
  admin: Awaited<ReturnType<typeof ensureAdmin>>,
  demoAccounts: SeededAccount[],
): void {
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const lines = [
    '',
    `Gridcare is running at http://${host}:${port}/  (API docs: http://${host}:${port}/api/docs)`,
    admin.generatedPassword
      ? `Admin login: admin / ${admin.generatedPassword}   ← generated now and shown only once; store it safely.`
      : admin.created
        ? 'Admin login: admin / the password in GRIDCARE_ADMIN_PASSWORD'
        : 'Admin login: admin (password as set on the first start)',
  ];
  if (demoAccounts.length > 0) {
    lines.push(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) {
      lines.push(
        `  ${a.username.padEnd(15)} ${a.role.padEnd(13)} ${a.orgUnitName} (${a.orgUnitId})${a.employeeNo ? ` · employee ${a.employeeNo}` : ''}`,
      );
    }
  }
  lines.push('Press Ctrl+C to stop.', '');
  console.log(lines.join('\n'));
}
