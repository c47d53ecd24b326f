import type { ApiSession } from './support/server.js';

// Shapes of the few API answers the tests read to pick their inputs.
interface CustomerPage {
  items: { customerNo: string; orgUnit: { id: string }; restricted: boolean }[];
  total: number;
}
interface Customer360 {
  customer: { customerNo: string; phone: string | null; special: boolean };
  monthly: unknown[];
  recentWorkOrders: { caseId: string }[];
  channels: { channel: string; count: number }[];
}
interface CaseChain {
  calls: { turns: unknown[] }[];
}
interface OrgNode {
  id: string;
  path: string;
  children: OrgNode[];
}
export interface VocabularyEntry {
  code: string;
  zh: string;
  en: string;
}

export interface RichCustomer {
  customerNo: string;
  /** A case among the customer's ten most recent work orders that has a call transcript. */
  caseId: string;
  /** A channel the customer used, though not the only one, so filtering by it changes the list. */
  channel: string;
}

/** The first customer (by number) with bills, a phone, several channels, over 30 traces and a case with a transcript. */
export async function findRichCustomer(admin: ApiSession): Promise<RichCustomer> {
  for (let page = 1; page <= 5; page++) {
    const customers = await admin.get<CustomerPage>(`/api/v1/customers?page=${page}&pageSize=50`);
    for (const { customerNo } of customers.items) {
      const view = await admin.get<Customer360>(`/api/v1/customers/${encodeURIComponent(customerNo)}`);
      // A phone to unmask, and not a special customer, so every demo role may open it.
      if (view.monthly.length === 0 || view.channels.length < 2 || !view.customer.phone || view.customer.special)
        continue;
      // More traces than the UI's first page (30), so "load more" has something to load.
      const firstPage = await admin.get<{ nextCursor: string | null }>(
        `/api/v1/customers/${encodeURIComponent(customerNo)}/timeline?pageSize=30`,
      );
      if (firstPage.nextCursor === null) continue;
      for (const { caseId } of view.recentWorkOrders) {
        const chain = await admin.get<CaseChain>(`/api/v1/cases/${encodeURIComponent(caseId)}`);
        if (chain.calls.some((call) => call.turns.length > 0)) {
          const channel = view.channels[1]?.channel ?? view.channels[0]?.channel ?? '';
          return { customerNo, caseId, channel };
        }
      }
    }
  }
  throw new Error('The demo world has no customer with bills, two channels and a case with a call transcript');
}

function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** A customer whose org unit lies outside `scopeOrgUnitId` (as the admin sees the tree). */
export async function findCustomerOutside(admin: ApiSession, scopeOrgUnitId: string): Promise<string> {
  const units = flatten((await admin.get<{ items: OrgNode[] }>('/api/v1/org-units')).items);
  const pathOf = new Map(units.map((unit) => [unit.id, unit.path]));
  const scopePath = pathOf.get(scopeOrgUnitId);
  if (!scopePath) throw new Error(`org unit ${scopeOrgUnitId} is not in the tree`);
  for (let page = 1; page <= 50; page++) {
    const customers = await admin.get<CustomerPage>(`/api/v1/customers?page=${page}&pageSize=200`);
    const outside = customers.items.find((c) => !(pathOf.get(c.orgUnit.id) ?? '').startsWith(scopePath));
    if (outside) return outside.customerNo;
    if (page * 200 >= customers.total) break;
  }
  throw new Error(
    `Every demo customer lies inside ${scopeOrgUnitId}; the demo world needs more than one unit at that level`,
  );
}

export async function vocabularyOf(admin: ApiSession): Promise<Record<'channels' | 'traceTypes', VocabularyEntry[]>> {
  return admin.get('/api/v1/vocabulary');
}
