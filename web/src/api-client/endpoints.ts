import type { OrgUnitsReply } from '../../../src/api/contract.js';
import { apiRequest } from './http.js';
import type {
  CaseChain,
  CollectionPoint,
  CollectionPointChange,
  ConsumptionReport,
  CreditReport,
  Customer360,
  CustomerListItem,
  EmployeeListItem,
  EmployeeProfile,
  Page,
  PiiField,
  SessionUser,
  TimelinePage,
  TimelineQuery,
  UnmaskedValues,
  Vocabulary,
} from './types.js';

const seg = encodeURIComponent;

export const api = {
  login: (username: string, password: string) =>
    apiRequest<{ user: SessionUser }>('POST', '/api/v1/auth/login', { body: { username, password } }),
  logout: () => apiRequest<unknown>('POST', '/api/v1/auth/logout', { body: {} }),
  me: () => apiRequest<{ user: SessionUser }>('GET', '/api/v1/auth/me'),
  vocabulary: () => apiRequest<Vocabulary>('GET', '/api/v1/vocabulary'),
  /** The caller's scope as a tree (used by every org-unit picker). */
  orgUnits: () => apiRequest<OrgUnitsReply>('GET', '/api/v1/org-units'),

  searchCustomers: (q: string, page: number, pageSize: number) =>
    apiRequest<Page<CustomerListItem>>('GET', '/api/v1/customers', { query: { q, page, pageSize } }),
  customer: (customerNo: string) => apiRequest<Customer360>('GET', `/api/v1/customers/${seg(customerNo)}`),
  unmaskCustomer: (customerNo: string, fields: PiiField[], reason: string) =>
    apiRequest<{ customerNo: string; values: UnmaskedValues }>('POST', `/api/v1/customers/${seg(customerNo)}/unmask`, {
      body: { fields, reason },
    }),
  customerTimeline: (customerNo: string, query: TimelineQuery, signal?: AbortSignal) =>
    apiRequest<TimelinePage>('GET', `/api/v1/customers/${seg(customerNo)}/timeline`, {
      query: { ...query },
      ...(signal ? { signal } : {}),
    }),

  customerCredit: (customerNo: string) =>
    apiRequest<CreditReport>('GET', `/api/v1/customers/${seg(customerNo)}/credit`),
  customerConsumption: (customerNo: string) =>
    apiRequest<ConsumptionReport>('GET', `/api/v1/customers/${seg(customerNo)}/consumption`),

  caseChain: (caseId: string) => apiRequest<CaseChain>('GET', `/api/v1/cases/${seg(caseId)}`),

  searchEmployees: (q: string, page: number, pageSize: number) =>
    apiRequest<Page<EmployeeListItem>>('GET', '/api/v1/employees', { query: { q, page, pageSize } }),
  employee: (employeeNo: string) => apiRequest<EmployeeProfile>('GET', `/api/v1/employees/${seg(employeeNo)}`),
  employeeTimeline: (employeeNo: string, query: TimelineQuery, signal?: AbortSignal) =>
    apiRequest<TimelinePage>('GET', `/api/v1/employees/${seg(employeeNo)}/timeline`, {
      query: { ...query },
      ...(signal ? { signal } : {}),
    }),

  collectionPoints: () => apiRequest<{ items: CollectionPoint[] }>('GET', '/api/v1/collection-points'),
  saveCollectionPoint: (traceType: string, change: CollectionPointChange) =>
    apiRequest<CollectionPoint>('PUT', `/api/v1/collection-points/${seg(traceType)}`, { body: change }),
};
