/** Request schemas shared by the QA routes. */
import { Type } from '@fastify/type-provider-typebox';

export const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Local calendar day (Asia/Shanghai), YYYY-MM-DD',
});
export const Period = { from: LocalDate, to: LocalDate };
export const OptionalPeriod = { from: Type.Optional(LocalDate), to: Type.Optional(LocalDate) };
export const Id = Type.Integer({ minimum: 1 });
export const CallIdParams = Type.Object({ callId: Type.String({ minLength: 1, maxLength: 64 }) });
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
