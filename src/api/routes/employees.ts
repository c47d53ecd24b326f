import { Type } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/db.js';
import { listTraces } from '../../customers/trace-timeline.js';
import { employeeProfile, resolveEmployeeFor, searchEmployees } from '../../employees/employees.js';
import { actorOf } from '../auth-hooks.js';
import { requestLanguage } from '../language.js';
import { page, Paging } from '../schemas.js';
import type { GridcareApp } from '../types.js';
import { TimelineQuery } from './customers.js';

const EmployeeNoParams = Type.Object({ no: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerEmployeeRoutes(app: GridcareApp, db: Db): void {
  const tags = ['employees'];
  app.get(
    '/api/v1/employees',
    {
      config: { permission: 'employee:read' },
      schema: {
        tags,
        summary: 'Search employees in scope by number or name prefix and post',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 64 })), post: Type.Optional(Type.String({ maxLength: 40 })), ...Paging }),
      },
    },
    async (request) => searchEmployees(db, actorOf(request), { q: request.query.q, post: request.query.post, ...page(request.query) }),
  );

  app.get(
    '/api/v1/employees/:no',
    { config: { permission: 'employee:read' }, schema: { tags, summary: 'Employee profile, work orders, complaints, satisfaction', params: EmployeeNoParams } },
    async (request) => employeeProfile(db, await resolveEmployeeFor(db, actorOf(request), request.params.no)),
  );

  app.get(
    '/api/v1/employees/:no/timeline',
    {
      config: { permission: 'employee:read' },
      schema: { tags, summary: 'Traces of the employee, newest first', params: EmployeeNoParams, querystring: TimelineQuery },
    },
    async (request) => {
      const employee = await resolveEmployeeFor(db, actorOf(request), request.params.no);
      const lang = requestLanguage(request.query.lang, request.headers['accept-language']);
      return listTraces(db, { employeeId: employee.employeeId }, { ...request.query, ...page(request.query) }, lang);
    },
  );
}
