// Configuration is parsed once, at boot, from the environment. A bad value stops the start with one line
// that names the variable: a server that starts half-configured is worse than one that does not start.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';


export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('production'), Type.Literal('development'), Type.Literal('test')], {
    default: 'production',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 8, maxLength: 256 })),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  /** Comma-separated origins allowed to call the API cross-origin (CORS and the Origin check on writes). */
  ALLOWED_ORIGINS: Type.String({ default: '' }),
  /** `true`, `false`, a hop count or a comma-separated list of trusted proxy addresses. */
  TRUST_PROXY: Type.String({ default: 'false' }),
  /** Requests per minute per signed-in user (or per address when signed out). */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 3000 }),
  /** Sign-in attempts per username and address in a 5-minute window. */
  LOGIN_ATTEMPTS_PER_5_MIN: Type.Integer({ minimum: 1, default: 10 }),
  /** Accounts created per address per hour. */
  REGISTRATIONS_PER_HOUR: Type.Integer({ minimum: 1, default: 30 }),
  /** Where the built client lives; the API runs without it (tests, `npm run dev`). */
  CLIENT_DIR: Type.String({ default: 'dist/client' }),
  /** Simulated order writes per second (fractions allowed); 0 turns the ticker off. Admins change it at runtime. */
  TICK_RATE: Type.Number({ minimum: 0, maximum: 500, default: 1 }),
  /** Orders loaded on the first start (only into an empty database). */
  SEED_ORDERS: Type.Integer({ minimum: 0, default: 50_000 }),
  /** Megabytes of finished list answers kept for reuse until the data changes (0: none). */
  ANSWER_CACHE_MB: Type.Integer({ minimum: 0, maximum: 1024, default: 16 }),
  /** Milliseconds of silence after which an event stream sends a comment, so proxies keep it open. */
  SSE_HEARTBEAT_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 15_000 }),
  /** Order notifications reach a user at most once per kind in this many milliseconds; more become a digest. */
  ORDER_NOTIFY_INTERVAL_MS: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 10_000 }),
});
export type Env = Static<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty strings count as "not set", as they do in most .env tooling. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const v = source[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

const SECRET_KEYS = new Set(['ADMIN_PASSWORD', 'SESSION_SECRET']);

function given(name: string, raw: Record<string, string>): string {
  if (!(name in raw) || SECRET_KEYS.has(name)) return '';
  return ` (got ${JSON.stringify(raw[name])})`;
}

function describeRule(name: string, message: string): string {
  const schema = (EnvSchema.properties as Record<string, { anyOf?: { const?: unknown }[] }>)[name];
  const choices = schema?.anyOf?.map((s) => s.const).filter((c) => c !== undefined);
  return choices?.length ? `must be one of ${choices.join(', ')}` : message;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const raw = withoutEmpty(source);
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  const [first] = [...Value.Errors(EnvSchema, withDefaults)];
  if (first) {
    const name = first.instancePath.replace(/^\//, '').split('/')[0] ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${name} ${describeRule(name, first.message)}${given(name, raw)}`);
  }
  return withDefaults as Env;
}

/** A hop count becomes "trust the nearest N hops", as proxy-addr defines it. */
export function parseTrustProxy(value: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

export function parseOrigins(value: string): string[] {
  const origins = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of origins) {
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new ConfigError(`Invalid configuration: ALLOWED_ORIGINS has ${JSON.stringify(o)}, which is not an origin`);
    }
    if (url.origin !== o.replace(/\/$/, '')) {
      throw new ConfigError(`Invalid configuration: ALLOWED_ORIGINS has ${JSON.stringify(o)}; give scheme://host[:port] only`);
    }
  }
  return origins.map((o) => o.replace(/\/$/, ''));
}
