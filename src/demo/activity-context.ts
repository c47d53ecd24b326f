import type { TraceRecord } from '../ingest/records.js';
import type { WorldBatch } from './batch.js';
import type { WorldClock } from './clock.js';
import type { Staff } from './employees.js';
import type { Rng } from './random.js';
import type { County, CustomerProfile } from './types.js';

/** What generating one customer's year needs; ids are numbered per customer so they are stable. */
export class ActivityContext {
  private seq = 0;
  private followers: number | undefined;

  constructor(
    readonly profile: CustomerProfile,
    readonly county: County,
    private activity: Rng,
    readonly clock: WorldClock,
    readonly staff: Staff,
    readonly batch: WorldBatch,
    /**
     * The customer's second stream, for what was added after seeded worlds had been measured:
     * the agents' call habits (HABIT_VIOLATION_CODES), drawn call by call, and behaviour
     * generated after everything else (`drawingFromHabits`). Drawing them here leaves the activity
     * stream's sequence, and so every other record of the world, as it was.
     */
    readonly habits: Rng,
  ) {}

  /** The stream the customer's behaviour is drawn from. */
  get rng(): Rng {
    return this.activity;
  }

  /** Generates with the second stream (`habits`) standing in for the activity stream. */
  drawingFromHabits(generate: () => void): void {
    const activity = this.activity;
    this.activity = this.habits;
    try {
      generate();
    } finally {
      this.activity = activity;
    }
  }

  get customerNo(): string {
    return this.profile.record.customer_no;
  }

  has(trait: Parameters<CustomerProfile['traits']['has']>[0]): boolean {
    return this.profile.traits.has(trait);
  }

  /** A unique id for this customer's next record of a kind: 'WO-7300000001-3'. */
  nextId(prefix: string): string {
    this.seq++;
    return `${prefix}-${this.customerNo}-${this.seq}`;
  }

  /**
   * Followers of the customer's social-media account, drawn at his first post: an
   * influencer's reach thousands to hundreds of thousands; most people's a few hundred, a
   * few (local bloggers, shop accounts) a few thousand.
   */
  socialFollowers(): number {
    if (this.followers === undefined) {
      const { rng } = this;
      this.followers = this.has('high_social_influence')
        ? Math.round(Math.exp(rng.range(Math.log(5_000), Math.log(500_000))))
        : rng.chance(0.05)
          ? Math.round(Math.exp(rng.range(Math.log(1_000), Math.log(10_000))))
          : rng.int(20, 900);
    }
    return this.followers;
  }

  /** True when an event at `ms` lies inside the world (nothing is dated in the future). */
  inWorld(ms: number): boolean {
    return ms >= this.clock.startMs && ms < this.clock.endMs;
  }

  /** A random moment in [fromMs, toMs) during waking hours (07:00–22:00 local). */
  wakingTime(fromMs: number, toMs: number): number {
    const at = fromMs + this.rng.float() * Math.max(0, toMs - fromMs);
    const local = (at + 8 * 3_600_000) % 86_400_000;
    const hour = local / 3_600_000;
    if (hour >= 7 && hour < 22) return at;
    return at - local + (7 + this.rng.float() * 15) * 3_600_000;
  }

  trace(record: Omit<TraceRecord, 'customer_no' | 'source_id'> & { source_id?: string }): void {
    const { source_id, ...rest } = record;
    this.batch.push('traces', { source_id: source_id ?? this.nextId('T'), customer_no: this.customerNo, ...rest });
  }
}
