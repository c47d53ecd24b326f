import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';

/** Every setting Gridcare reads; the environment and CLI flags use the same names. */
const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().default('./data'),
  databaseUrl: z.string().url().optional(),
  adminPassword: z.string().min(8, 'GRIDCARE_ADMIN_PASSWORD must be at least 8 characters').optional(),
  demoCustomers: z.coerce.number().int().min(0).max(2_000_000).default(20_000),
  demoMonths: z.coerce.number().int().min(1).max(36).default(12),
  demoSeed: z.coerce.number().int().default(20261123),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Every portrait is refreshed at least this often, so time windows slide (0: only on new data).
  portraitSweepHours: z.coerce.number().min(0).max(24 * 31).default(24),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

/** Environment variable ↔ config key. The CLI derives its flags from the same table. */
export const CONFIG_ENV: Record<keyof z.infer<typeof ConfigSchema>, string> = {
  port: 'GRIDCARE_PORT',
  host: 'GRIDCARE_HOST',
  dataDir: 'GRIDCARE_DATA_DIR',
  databaseUrl: 'GRIDCARE_DATABASE_URL',
  adminPassword: 'GRIDCARE_ADMIN_PASSWORD',
  demoCustomers: 'GRIDCARE_DEMO_CUSTOMERS',
  demoMonths: 'GRIDCARE_DEMO_MONTHS',
  demoSeed: 'GRIDCARE_DEMO_SEED',
  logLevel: 'GRIDCARE_LOG_LEVEL',
  portraitSweepHours: 'GRIDCARE_PORTRAIT_SWEEP_HOURS',
};

/**
 * Parses configuration once: flags win over the environment, the environment over defaults.
 * This is the only place that reads process.env.
 */
export function loadConfig(
  flags: Partial<Record<keyof typeof CONFIG_ENV, string | number | undefined>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(CONFIG_ENV)) {
    const flag = flags[key as keyof typeof CONFIG_ENV];
    const value = flag ?? env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => {
        const key = issue.path[0] as keyof typeof CONFIG_ENV;
        return `${CONFIG_ENV[key] ?? String(key)}: ${issue.message}`;
      })
      .join('; ');
    throw new AppError('CONFIG_INVALID', `Invalid configuration: ${problems}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
