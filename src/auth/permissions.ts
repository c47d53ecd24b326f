/**
 * Role → permission matrix. One table in code so a reviewer sees at a glance who may do
 * what; app_user.permissions adds extra grants per account (e.g. trace:write for an
 * integration account, customer:confidential for one trusted agent).
 */
export const PERMISSIONS = {
  'org:read': 'See the org-unit tree and the shared vocabulary within the data scope',
  'customer:read': 'Search customers and open the customer 360 view and timeline (PII masked)',
  'customer:pii_unmask': 'Reveal masked personal data (phone, ID number, address, WeChat id, name) with a reason',
  'customer:confidential': 'Open special customers (特殊客户: government, vulnerable groups, public figures)',
  'case:read': 'Open a case chain (诉求链) with its work orders and call transcripts',
  'employee:read': 'Search employees and open their profile and timeline',
  'trace:write': 'Post trace batches through the HTTP ingest API',
  'audit:read': 'Read the audit log',
  'collection:manage':
    'Configure collection points (采集点): what is collected of each trace type, in how much detail, how often',
  'user:admin': 'Manage accounts',
  'portrait:read': 'See customer, employee and area portraits: tags, scores, grades, strategies and why each holds',
  'portrait:annotate': 'Add or correct notes on portrait elements (C9); every change is audited',
  'portrait:manage': 'Rebuild portraits and run segment exports over the whole scope',
  'qa:read': 'See quality-inspection results, transcripts with their hits, schemes and the case library',
  'qa:inspect': 'Review flagged calls, score manually, decide appeals, run sampling and special-topic inspections',
  'qa:appeal': 'Appeal a deduction on one of your own calls',
  'qa:scheme': 'Edit quality-inspection schemes and rules, run backtests, publish a scheme version',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const ROLES = ['admin', 'manager', 'agent', 'hall_staff', 'grid_manager', 'qa_inspector'] as const;
export type Role = (typeof ROLES)[number];

const ALL = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  // Managers handle escalated complaints and special customers, and answer for their staff.
  manager: [
    'org:read',
    'customer:read',
    'customer:pii_unmask',
    'customer:confidential',
    'case:read',
    'employee:read',
    'audit:read',
    'portrait:read',
    'portrait:annotate',
    'portrait:manage',
    'qa:read',
  ],
  // 95598 agents see the caller's record masked; the caller states their own details.
  agent: ['org:read', 'customer:read', 'case:read', 'portrait:read', 'qa:read', 'qa:appeal'],
  // Hall staff check an ID card or an address at the counter, so they may unmask (audited).
  hall_staff: ['org:read', 'customer:read', 'customer:pii_unmask', 'case:read', 'portrait:read', 'portrait:annotate'],
  // Grid managers visit and phone customers of their grid, so they may unmask (audited).
  grid_manager: ['org:read', 'customer:read', 'customer:pii_unmask', 'case:read', 'portrait:read', 'portrait:annotate'],
  // QA inspectors review calls and the agents who took them.
  qa_inspector: [
    'org:read',
    'customer:read',
    'case:read',
    'employee:read',
    'portrait:read',
    'qa:read',
    'qa:inspect',
    'qa:scheme',
  ],
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isPermission = (value: string): value is Permission => Object.hasOwn(PERMISSIONS, value);

/** The role's permissions plus the account's extra grants; unknown names are ignored. */
export function permissionsOf(role: Role, extra: readonly string[] = []): Set<Permission> {
  const granted = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const name of extra) if (isPermission(name)) granted.add(name);
  return granted;
}
