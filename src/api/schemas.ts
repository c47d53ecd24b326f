import { Type } from '@fastify/type-provider-typebox';

export const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const CustomerNoParams = Type.Object({ no: Type.String({ minLength: 1, maxLength: 64 }) });

export const ErrorReply = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});

export function page(q: { page?: number | undefined; pageSize?: number | undefined }) {
  return { page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
}
