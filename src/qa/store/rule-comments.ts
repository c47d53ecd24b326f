/**
 * Standards revised with agents (Q3): anyone who reads QA may comment on a rule or propose a
 * change; a proposal may carry the rule as data, checked like a saved rule so the scheme
 * editor can take it over as it is.
 */
import type { QaRuleComment, QaRuleCommentRequest } from '../../api/qa-contract.js';
import type { Actor } from '../../auth/actor.js';
import type { Queryable } from '../../db/db.js';
import { notFound } from '../../errors.js';
import type { QaScheme } from '../rule-language.js';
import { validateRule } from '../validate-scheme.js';
import { iso, userColumns, userRef } from './user-ref.js';

const COMMENT_SELECT = `SELECT c.comment_id, c.scheme_code, c.rule_code, c.kind, c.body, c.proposed_rule, c.created_at,
    e.employee_no, ${userColumns('u', 'author')}
  FROM qa_rule_comment c JOIN app_user u ON u.user_id = c.author LEFT JOIN employee e ON e.employee_id = u.employee_id`;

type CommentRow = {
  comment_id: number;
  scheme_code: string;
  rule_code: string;
  kind: 'comment' | 'proposal';
  body: string;
  proposed_rule: unknown | null;
  created_at: Date;
  employee_no: string | null;
} & Record<string, unknown>;

const toComment = (r: CommentRow): QaRuleComment => ({
  commentId: r.comment_id,
  schemeCode: r.scheme_code,
  ruleCode: r.rule_code,
  kind: r.kind,
  body: r.body,
  proposedRule: r.proposed_rule,
  author: { ...(userRef(r, 'author') ?? { username: '', displayName: '' }), employeeNo: r.employee_no },
  createdAt: iso(r.created_at) as string,
});

export async function listRuleComments(db: Queryable, schemeCode: string, ruleCode: string): Promise<QaRuleComment[]> {
  const rows = await db.query<CommentRow>(
    `${COMMENT_SELECT} WHERE c.scheme_code = $1 AND c.rule_code = $2 ORDER BY c.created_at, c.comment_id`,
    [schemeCode, ruleCode],
  );
  return rows.map(toComment);
}

export async function addRuleComment(
  db: Queryable,
  actor: Actor,
  schemeCode: string,
  ruleCode: string,
  req: QaRuleCommentRequest,
): Promise<QaRuleComment> {
  // The categories a proposed rule may use: those of the scheme's newest version.
  const latest = await db.query<{ definition: QaScheme }>(
    'SELECT definition FROM qa_scheme_version WHERE scheme_code = $1 ORDER BY version DESC LIMIT 1',
    [schemeCode],
  );
  if (!latest[0]) throw notFound(`QA scheme ${schemeCode}`);
  const proposed =
    req.kind === 'proposal' && req.proposedRule !== undefined
      ? validateRule(req.proposedRule, new Set(Object.keys(latest[0].definition.categories)))
      : null;
  const rows = await db.query<{ comment_id: number }>(
    `INSERT INTO qa_rule_comment (scheme_code, rule_code, kind, body, proposed_rule, author)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING comment_id`,
    [schemeCode, ruleCode, req.kind, req.body, proposed === null ? null : JSON.stringify(proposed), actor.userId],
  );
  const created = await db.query<CommentRow>(`${COMMENT_SELECT} WHERE c.comment_id = $1`, [rows[0]?.comment_id]);
  return toComment(created[0] as CommentRow);
}
