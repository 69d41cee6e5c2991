import { Type, type Static } from 'typebox';

export const Health = Type.Object({ status: Type.Literal('ok') });
export type Health = Static<typeof Health>;

export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Object({ database: Type.Union([Type.Literal('ok'), Type.Literal('failed')]) }),
});
export type Readiness = Static<typeof Readiness>;
