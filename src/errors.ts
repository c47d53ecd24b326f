/**
 * Every error a user can meet carries a stable code. docs/errors.md lists them all;
 * a test checks the two stay in step.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: 'A configuration value (environment or flag) is invalid.',
  DB_CONNECT_FAILED: 'The database could not be opened or reached.',
  DB_IN_USE: 'The embedded database folder is open in another process; one process at a time may open it.',
  DB_CHECK_UNAVAILABLE: "The integrity check needs PostgreSQL's amcheck extension, which the server does not allow.",
  DB_MIGRATION_FAILED: 'A migration failed to apply; the database is left at the last good version.',
  IMPORT_FILE_UNREADABLE: 'An import file could not be read (missing, wrong format or truncated).',
  IMPORT_UNKNOWN_KIND: 'The kind of an import file could not be told from its name or the --kind flag.',
  IMPORT_MISSING_COLUMN: 'An import file lacks a required column.',
  IMPORT_ENCODING: 'An import file is not in the declared or detected text encoding.',
  AUTH_REQUIRED: 'The request needs a logged-in session.',
  AUTH_INVALID_CREDENTIALS: 'Username or password is wrong.',
  AUTH_RATE_LIMITED: 'Too many failed logins; wait before trying again.',
  AUTH_FORBIDDEN: "The caller's role does not allow this action.",
  AUTH_OUT_OF_SCOPE: "The record belongs to an org unit outside the caller's data scope.",
  PII_REASON_REQUIRED: 'Unmasking personal data needs a stated reason.',
  NOT_FOUND: 'The requested record does not exist.',
  VALIDATION_FAILED: 'The request body or query does not match the schema.',
  BATCH_TOO_LARGE: 'A trace batch holds more items than the limit.',
  QA_RULE_INVALID: 'A quality-inspection rule is invalid (unknown operator, bad regex, empty list).',
  QA_SCHEME_STATE:
    'The QA scheme version is not in a state that allows this (only a draft is published; jobs need a published version).',
  QA_NOT_INSPECTED: 'The call has no quality-inspection result yet.',
  QA_APPEAL_NOT_ALLOWED:
    "The deduction cannot be appealed by this account (not the call's agent, not a deduction, or already appealed).",
  QA_APPEAL_DECIDED: 'The appeal has already been decided; its decision stands in the history.',
  QA_SECOND_INSPECTOR_REQUIRED: 'An appeal is decided by an inspector other than the one who reviewed the call.',
  PORTRAIT_NOT_AVAILABLE: 'No portrait of the subject was computed for the requested time.',
  PORTRAIT_ELEMENT_UNKNOWN: 'The portrait element is not a tag, score or grade of the definitions.',
  PORTRAIT_LAYOUT_MISSING:
    'The portrait catalog version has no customer feature layout recorded (portrait_catalog.customer_features); register the catalog before writing its portraits.',
  RISK_MODEL_NO_HISTORY:
    'The complaint-risk model cannot be trained: its training windows hold no complaint (or no customer without one).',
  SEGMENT_FILTER_INVALID: 'A segment filter names an unknown tag, grade, class or score, or a malformed range or id.',
  CUSTOMER_CONFIDENTIAL:
    'The customer is a special customer (特殊客户); viewing needs the customer:confidential permission.',
  USER_EXISTS: 'An account with that username already exists.',
  USER_LAST_ADMIN: 'The change would leave no active admin account.',
  USER_PASSWORD_TOO_SHORT: 'The new password is shorter than 8 characters.',
  USER_INVALID_FIELD: 'An account field names an unknown role, permission, org unit or employee.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`, 404);
