import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({}, {});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoCustomers).toBe(20_000);
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads GRIDCARE_ variables and lets flags win over them', () => {
    const env = { GRIDCARE_PORT: '9000', GRIDCARE_DEMO_CUSTOMERS: '0', GRIDCARE_DATA_DIR: '/tmp/gc' };
    expect(loadConfig({}, env)).toMatchObject({ port: 9000, demoCustomers: 0, dataDir: '/tmp/gc' });
    expect(loadConfig({ port: '9100' }, env).port).toBe(9100);
  });

  it('names the variable that is wrong', () => {
    const attempt = () => loadConfig({}, { GRIDCARE_PORT: 'eighty', GRIDCARE_DATABASE_URL: 'not a url' });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/GRIDCARE_PORT.*GRIDCARE_DATABASE_URL|GRIDCARE_DATABASE_URL.*GRIDCARE_PORT/);
  });

  it('refuses an admin password shorter than 8 characters', () => {
    expect(() => loadConfig({}, { GRIDCARE_ADMIN_PASSWORD: 'short' })).toThrow(/GRIDCARE_ADMIN_PASSWORD/);
  });
});
