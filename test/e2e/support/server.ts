import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  demoCustomers: number;
  /** How long the first start (migrations + demo world) may take. */
  startTimeoutMs?: number;
}

/** The end-to-end tests run the built app, as a user would; they build nothing themselves. */
export function assertBuilt(): void {
  const missing = ['dist/cli/gridcare.js', 'dist/web/index.html'].filter((p) => !existsSync(path.join(repoRoot, p)));
  if (missing.length > 0) {
    throw new Error(`End-to-end tests need a build; missing ${missing.join(', ')}. Run \`npm run build\` first.`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`);
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`gridcare start exited with ${child.exitCode} before ${what}:\n${output()}`);
    if (await check()) return;
    await sleep(500);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}:\n${output()}`);
}

/**
 * Starts `gridcare start` on a free port with a fresh data folder (embedded PGlite) and a small
 * demo world, and waits until it answers and the demo world is loaded.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const attached = attachToRunningServer();
  if (attached) return attached;
  assertBuilt();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gridcare-e2e-'));
  const adminPassword = `e2e-${Math.random().toString(36).slice(2)}-Admin!`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GRIDCARE_ADMIN_PASSWORD: adminPassword,
    GRIDCARE_DEMO_CUSTOMERS: String(options.demoCustomers),
    GRIDCARE_LOG_LEVEL: 'warn',
  };
  // Always the embedded database in a throw-away folder, never a configured server.
  delete env.GRIDCARE_DATABASE_URL;
  const child = spawn(process.execPath, ['bin/gridcare.js', 'start', '--port', String(port), '--data-dir', dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const timeout = options.startTimeoutMs ?? 240_000;
    await waitUntil('/api/health', () => healthy(baseUrl), child, timeout, output);
    await waitUntil('the demo world', () => demoLoaded(baseUrl, adminPassword), child, timeout, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminPassword, output, stop };
}

/**
 * While developing the UI, GRIDCARE_E2E_BASE_URL and GRIDCARE_E2E_ADMIN_PASSWORD point the
 * tests at a server already running (e.g. `npm start`), which they leave running.
 */
function attachToRunningServer(): RunningServer | null {
  const baseUrl = process.env.GRIDCARE_E2E_BASE_URL;
  const adminPassword = process.env.GRIDCARE_E2E_ADMIN_PASSWORD;
  if (!baseUrl || !adminPassword) return null;
  return { baseUrl: baseUrl.replace(/\/$/, ''), adminPassword, output: () => '', stop: async () => {} };
}

/** The demo world is in once an admin sees customers with work orders. */
async function demoLoaded(baseUrl: string, adminPassword: string): Promise<boolean> {
  try {
    const session = await ApiSession.login(baseUrl, 'admin', adminPassword);
    const page = await session.get<{ total: number }>('/api/v1/customers?pageSize=1');
    return page.total > 0;
  } catch {
    return false;
  }
}

/** A logged-in API session, for tests that take their inputs from the API rather than hard-coding them. */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new ApiSession(baseUrl, cookie);
  }

  async get<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`GET ${pathAndQuery} failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
