/**
 * The portrait (画像) endpoints: customer portraits with their why / why-not, history and
 * notes, the definition catalog, employee and area portraits and the hot-zone ranking.
 * Types come from the server's contract (src/api/contract.ts, type-only). Kept apart from
 * endpoints.ts so the portrait pages stay one area of the client.
 */
import type {
  AreaKind,
  AreaPortraitReply,
  ConditionOutcome,
  CustomerPortraitWithNotesReply,
  EmployeePortraitReply,
  FeatureEvidence,
  HotZonesReply,
  PortraitDefinitionsReply,
  PortraitHistoryReply,
  PortraitNoteReply,
  PortraitWhyReply,
  SubjectPortraitWhyReply,
} from '../../../src/api/contract.js';
import { apiRequest } from './http.js';

export type {
  AreaKind,
  AreaPortraitReply as AreaPortrait,
  ConditionOutcome,
  EmployeePortraitReply as EmployeePortrait,
  FeatureEvidence,
  HotZonesReply as HotZones,
  PortraitDefinitionsReply as PortraitDefinitions,
  PortraitNoteReply as PortraitNote,
  PortraitWhyReply as PortraitWhy,
};
export type CustomerPortrait = CustomerPortraitWithNotesReply;
export type PortraitPeriod = PortraitHistoryReply['items'][number];
export type EvidenceRow = FeatureEvidence['items'][number];
export type HotZone = HotZonesReply['items'][number];
export type HotZoneTreeNode = NonNullable<HotZonesReply['tree']>;
export type NoteStance = PortraitNoteReply['stance'];
/** An employee aspect or an area dimension, with its score, statistic points and tags. */
export type PortraitGroup = EmployeePortraitReply['aspects'][number] | AreaPortraitReply['dimensions'][number];

/** The area kinds, in the order of the hot-zone page's switch. */
export const AREA_KINDS: readonly AreaKind[] = ['transformer_area', 'feeder', 'grid', 'station'];

/** 'tag:<code>', 'score:<code>' or 'grade:<code>'. */
export type PortraitElement = `${'tag' | 'score' | 'grade'}:${string}`;

export interface NewPortraitNote {
  element: string;
  stance: NoteStance;
  note: string;
}

const seg = encodeURIComponent;
const customerBase = (customerNo: string) => `/api/v1/customers/${seg(customerNo)}/portrait`;
const employeeBase = (employeeNo: string) => `/api/v1/employees/${seg(employeeNo)}/portrait`;
const areaBase = (kind: AreaKind, id: string) => `/api/v1/areas/${kind}/${seg(id)}/portrait`;

export const portraitApi = {
  definitions: () => apiRequest<PortraitDefinitionsReply>('GET', '/api/v1/portraits/definitions'),

  customerPortrait: (customerNo: string, asOf?: string) =>
    apiRequest<CustomerPortrait>('GET', customerBase(customerNo), { query: { asOf } }),
  customerWhy: (customerNo: string, element: PortraitElement, asOf?: string) =>
    apiRequest<PortraitWhyReply>('GET', `${customerBase(customerNo)}/why`, { query: { element, asOf, limit: 20 } }),
  customerHistory: (customerNo: string) =>
    apiRequest<PortraitHistoryReply>('GET', `${customerBase(customerNo)}/history`),
  addCustomerNote: (customerNo: string, note: NewPortraitNote) =>
    apiRequest<PortraitNoteReply>('POST', `${customerBase(customerNo)}/notes`, { body: note }),

  employeePortrait: (employeeNo: string) => apiRequest<EmployeePortraitReply>('GET', employeeBase(employeeNo)),
  employeeWhy: (employeeNo: string, element: PortraitElement) =>
    apiRequest<SubjectPortraitWhyReply>('GET', `${employeeBase(employeeNo)}/why`, { query: { element, limit: 20 } }),

  areaPortrait: (kind: AreaKind, id: string) => apiRequest<AreaPortraitReply>('GET', areaBase(kind, id)),
  areaWhy: (kind: AreaKind, id: string, element: PortraitElement) =>
    apiRequest<SubjectPortraitWhyReply>('GET', `${areaBase(kind, id)}/why`, { query: { element, limit: 20 } }),

  hotZones: (query: { kind?: AreaKind; orgUnit?: string; tag?: string | undefined; limit?: number }) =>
    apiRequest<HotZonesReply>('GET', '/api/v1/hot-zones', { query }),
};
