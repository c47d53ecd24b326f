import type { ApiSession } from './support/server.js';

// Shapes of the few portrait answers the tests read to pick their inputs.
interface Names {
  zh: string;
  en: string;
}
interface CustomerPage {
  items: { customerNo: string; restricted: boolean; special: boolean }[];
}
interface CustomerPortrait {
  dimensions: { code: string; tags: { code: string; name: Names }[] }[];
}
interface Why {
  held: boolean;
  features: { items: unknown[] }[];
}
interface Definitions {
  tags: { code: string; subject: string; name: Names }[];
}
interface Credit {
  ledger: unknown[];
  thirdParty: { agency: string; verdict: 'dishonest' | 'honoured' }[];
}

export interface PortraitCustomer {
  customerNo: string;
  /** A held tag whose why lists at least one row, and its dimension. */
  tag: { code: string; name: string; dimension: string };
  /** A catalog tag the customer does not hold. */
  missing: { code: string; name: string };
}

const seg = encodeURIComponent;

/**
 * The first customer (by number) any demo role may open that holds a tag backed by rows,
 * has a credit ledger, and lacks some tag of the catalog.
 */
export async function findPortraitCustomer(admin: ApiSession): Promise<PortraitCustomer> {
  const definitions = await admin.get<Definitions>('/api/v1/portraits/definitions');
  const customerTags = definitions.tags.filter((t) => t.subject === 'customer');
  for (let page = 1; page <= 5; page++) {
    const customers = await admin.get<CustomerPage>(`/api/v1/customers?page=${page}&pageSize=50`);
    for (const { customerNo, restricted, special } of customers.items) {
      if (restricted || special) continue;
      const portrait = await admin.get<CustomerPortrait>(`/api/v1/customers/${seg(customerNo)}/portrait`);
      const held = portrait.dimensions.flatMap((d) => d.tags.map((t) => ({ ...t, dimension: d.code })));
      const missing = customerTags.find((t) => !held.some((h) => h.code === t.code));
      if (held.length === 0 || !missing) continue;
      const credit = await admin.get<Credit>(`/api/v1/customers/${seg(customerNo)}/credit`);
      if (credit.ledger.length === 0) continue;
      for (const tag of held) {
        const why = await admin.get<Why>(`/api/v1/customers/${seg(customerNo)}/portrait/why?element=tag:${tag.code}`);
        if (why.held && why.features.some((f) => f.items.length > 0)) {
          return {
            customerNo,
            tag: { code: tag.code, name: tag.name.zh, dimension: tag.dimension },
            missing: { code: missing.code, name: missing.name.zh },
          };
        }
      }
    }
  }
  throw new Error('The demo world has no customer holding a tag with rows behind it and a credit ledger');
}

/** The first customer (by number) with a third-party credit record (the demo plants a few). */
export async function findThirdPartyCustomer(
  admin: ApiSession,
): Promise<{ customerNo: string; agency: string; verdict: 'dishonest' | 'honoured' }> {
  for (let page = 1; page <= 20; page++) {
    const customers = await admin.get<CustomerPage>(`/api/v1/customers?page=${page}&pageSize=50`);
    for (const { customerNo } of customers.items) {
      const credit = await admin.get<Credit>(`/api/v1/customers/${seg(customerNo)}/credit`);
      const [record] = credit.thirdParty;
      if (record) return { customerNo, ...record };
    }
    if (customers.items.length < 50) break;
  }
  throw new Error('The demo world has no customer with a third-party credit record');
}

interface EmployeePage {
  items: { employeeNo: string }[];
}

/** The first employee (by number) whose portrait is built. */
export async function findPortraitEmployee(admin: ApiSession): Promise<string> {
  const employees = await admin.get<EmployeePage>('/api/v1/employees?pageSize=50');
  for (const { employeeNo } of employees.items) {
    const ok = await admin
      .get<unknown>(`/api/v1/employees/${seg(employeeNo)}/portrait`)
      .then(() => true)
      .catch(() => false);
    if (ok) return employeeNo;
  }
  throw new Error('No employee portrait in the demo world (first start builds them)');
}
