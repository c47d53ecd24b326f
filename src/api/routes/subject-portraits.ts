import { Type } from '@fastify/type-provider-typebox';
import { type Actor, can } from '../../auth/actor.js';
import type { Db } from '../../db/db.js';
import { resolveEmployeeFor } from '../../employees/employees.js';
import { AppError } from '../../errors.js';
import type { AreaKind } from '../../portraits/definitions/area-sources.js';
import type { PortraitEngine } from '../../portraits/engine/portrait-engine.js';
import { areaPortrait, resolveAreaFor } from '../../portraits/subjects/area-portrait.js';
import { employeePortrait } from '../../portraits/subjects/employee-portrait.js';
import { hotZones } from '../../portraits/subjects/hot-zones.js';
import { explainSubjectElement } from '../../portraits/subjects/portrait-shape.js';
import { actorOf } from '../auth-hooks.js';
import type { GridcareApp } from '../types.js';
import { parseAsOf } from './portraits.js';

const AsOf = Type.Optional(
  Type.String({ format: 'date-time', description: 'Answer as known at this time (ISO 8601); current when absent' }),
);
const WhyQuery = Type.Object({
  element: Type.String({
    pattern: '^(tag|score|grade):[a-z0-9_]+$',
    description: 'tag:<code>, score:<code> or grade:<code>',
  }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  asOf: AsOf,
});
const EmployeeNoParams = Type.Object({ no: Type.String({ minLength: 1, maxLength: 64 }) });
const AreaKindSchema = Type.Union([
  Type.Literal('transformer_area'),
  Type.Literal('feeder'),
  Type.Literal('grid'),
  Type.Literal('station'),
]);
const AreaParams = Type.Object({ kind: AreaKindSchema, id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Employee portraits hold performance data: staff with employee:read (managers, QA
 * inspectors) see anyone in scope, everyone else only their own.
 */
async function employeeFor(db: Db, actor: Actor, employeeNo: string) {
  const employee = await resolveEmployeeFor(db, actor, employeeNo);
  if (!can(actor, 'employee:read') && actor.employeeId !== employee.employeeId) {
    throw new AppError(
      'AUTH_FORBIDDEN',
      `Your role (${actor.role}) may see only your own employee portrait (employee:read opens others)`,
      403,
      { permission: 'employee:read' },
    );
  }
  return employee;
}

export function registerSubjectPortraitRoutes(app: GridcareApp, db: Db, engine: PortraitEngine): void {
  const tags = ['portraits'];

  app.get(
    '/api/v1/employees/:no/portrait',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Employee portrait (E1, E3): five aspects with radar values and statistic points, star rating with its reasons, tags, strategies, complaint history',
        params: EmployeeNoParams,
        querystring: Type.Object({ asOf: AsOf }),
      },
    },
    async (request) => {
      const employee = await employeeFor(db, actorOf(request), request.params.no);
      return employeePortrait(db, engine, employee, parseAsOf(request.query.asOf));
    },
  );

  app.get(
    '/api/v1/employees/:no/portrait/why',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary: 'Why the employee holds (or not) a tag, score or grade: condition outcomes, values, rows behind',
        params: EmployeeNoParams,
        querystring: WhyQuery,
      },
    },
    async (request) => {
      const employee = await employeeFor(db, actorOf(request), request.params.no);
      const asOf = parseAsOf(request.query.asOf);
      return explainSubjectElement(db, engine, 'employee', String(employee.employeeId), request.query.element, {
        label: `employee ${employee.employeeNo}`,
        itemLimit: request.query.limit ?? 10,
        ...(asOf ? { asOf } : {}),
      });
    },
  );

  app.get(
    '/api/v1/areas/:kind/:id/portrait',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Area portrait (E4, E5) of a transformer area, feeder, grid or supply station: service risk and hot-zone level with reasons, five dimensions',
        params: AreaParams,
        querystring: Type.Object({ asOf: AsOf }),
      },
    },
    async (request) => {
      const area = await resolveAreaFor(db, actorOf(request), request.params.kind, request.params.id);
      return areaPortrait(db, engine, area, parseAsOf(request.query.asOf));
    },
  );

  app.get(
    '/api/v1/areas/:kind/:id/portrait/why',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary: 'Why the area holds (or not) a tag, score or grade: condition outcomes, values, rows behind',
        params: AreaParams,
        querystring: WhyQuery,
      },
    },
    async (request) => {
      const area = await resolveAreaFor(db, actorOf(request), request.params.kind, request.params.id);
      const asOf = parseAsOf(request.query.asOf);
      return explainSubjectElement(db, engine, area.kind, area.id, request.query.element, {
        label: `${area.kind} ${area.id}`,
        itemLimit: request.query.limit ?? 10,
        ...(asOf ? { asOf } : {}),
      });
    },
  );

  app.get(
    '/api/v1/hot-zones',
    {
      config: { permission: 'portrait:read' },
      schema: {
        tags,
        summary:
          'Service-risk hot zones (E5): areas ranked by service-risk score in your scope with their top reasons, and the org tree for a treemap',
        querystring: Type.Object({
          kind: Type.Optional(AreaKindSchema),
          orgUnit: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          tag: Type.Optional(
            Type.String({ pattern: '^[a-z0-9_]+$', description: 'only the areas holding this area tag' }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
      },
    },
    async (request) =>
      hotZones(db, engine, actorOf(request), {
        kind: (request.query.kind ?? 'transformer_area') as AreaKind,
        orgUnit: request.query.orgUnit,
        tag: request.query.tag,
        limit: request.query.limit ?? 20,
      }),
  );
}
