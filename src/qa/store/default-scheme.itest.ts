import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, seedOrgUnits } from '../../../test/support/api-world.js';
import { createTestDb, type TestDb } from '../../../test/support/test-db.js';
import { DEFAULT_95598_SCHEME } from '../schemes/default-95598/index.js';
import { ensureDefaultQaScheme } from './scheme-store.js';

const CODE = DEFAULT_95598_SCHEME.id;

let t: TestDb;
beforeEach(async () => {
  await t?.drop();
  t = await createTestDb();
});
afterAll(() => t.drop());

interface Row {
  version: number;
  status: string;
  note: string;
  rules: number;
  shipped: boolean;
}
const versions = () =>
  t.db.query<Row>(
    `SELECT version, status, note, json_array_length(definition->'rules') AS rules,
            (definition::jsonb - 'version') = ($2::jsonb - 'version') AS shipped
     FROM qa_scheme_version WHERE scheme_code = $1 ORDER BY version`,
    [CODE, JSON.stringify(DEFAULT_95598_SCHEME)],
  );

/** What an earlier release shipped: the same scheme with its last rule not yet written. */
const shipAnOlderDefault = () =>
  t.db.query(
    `UPDATE qa_scheme_version SET definition = json_build_object('rules', (definition::jsonb->'rules') - (-1))::jsonb
       || (definition::jsonb - 'rules') WHERE scheme_code = $1`,
    [CODE],
  );

const RULES = DEFAULT_95598_SCHEME.rules.length;

describe('the shipped default QA scheme', () => {
  it('is stored once, as the routine scheme live version 1', async () => {
    await ensureDefaultQaScheme(t.db);
    await ensureDefaultQaScheme(t.db);
    expect(await versions()).toEqual([
      { version: 1, status: 'live', note: 'shipped with Gridcare', rules: RULES, shipped: true },
    ]);
    const scheme = await t.db.query<{ routine: boolean }>('SELECT routine FROM qa_scheme WHERE scheme_code = $1', [
      CODE,
    ]);
    expect(scheme).toEqual([{ routine: true }]);
  });

  it('replaces an older shipped default that is live with the new one as the next version', async () => {
    await ensureDefaultQaScheme(t.db);
    await shipAnOlderDefault();
    await ensureDefaultQaScheme(t.db);
    await ensureDefaultQaScheme(t.db);
    expect(await versions()).toEqual([
      { version: 1, status: 'retired', note: 'shipped with Gridcare', rules: RULES - 1, shipped: false },
      { version: 2, status: 'live', note: 'shipped with Gridcare', rules: RULES, shipped: true },
    ]);
  });

  it("leaves the centre's own published version live and offers the update as a draft", async () => {
    await seedOrgUnits(t.db);
    const inspector = await createUser(t.db, 'qa_inspector', null);
    await ensureDefaultQaScheme(t.db);
    await shipAnOlderDefault();
    // An inspector's edit of the older default, published: version 2.
    await t.db.query(`UPDATE qa_scheme_version SET status = 'retired' WHERE scheme_code = $1`, [CODE]);
    await t.db.query(
      `INSERT INTO qa_scheme_version (scheme_code, version, status, definition, note, created_by, published_by, published_at)
       SELECT v.scheme_code, 2, 'live', v.definition, 'our thresholds', u.user_id, u.user_id, now()
       FROM qa_scheme_version v, app_user u WHERE v.scheme_code = $1 AND v.version = 1 AND u.username = $2`,
      [CODE, inspector.username],
    );
    await ensureDefaultQaScheme(t.db);
    await ensureDefaultQaScheme(t.db);
    expect(await versions()).toEqual([
      { version: 1, status: 'retired', note: 'shipped with Gridcare', rules: RULES - 1, shipped: false },
      { version: 2, status: 'live', note: 'our thresholds', rules: RULES - 1, shipped: false },
      {
        version: 3,
        status: 'draft',
        note: 'shipped with Gridcare: an update of the default scheme, to review and publish',
        rules: RULES,
        shipped: true,
      },
    ]);
  });
});
