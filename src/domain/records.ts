// The shapes of what mockloop stores, as schemas: every read from IndexedDB and every imported
// backup is checked against them, so a damaged record is reported instead of crashing a screen.
// Records carry a version; older ones are brought up to date by named, pure migrations (shared
// by reading the store and by import), never rejected for their age.

import { idSchema, trackIdSchema } from './content';
import { z } from './zod';

const finite = z.number();
const time = finite.check(z.gte(0, 'must be a time (ms since 1970)'));

const pauseSchema = z.strictObject({ from: time, to: z.nullable(time) });

export const timerFactsSchema = z.strictObject({
  budgetMs: z.nullable(finite.check(z.gte(0))),
  startedAt: time,
  pauses: z.array(pauseSchema),
  extensions: z.array(z.strictObject({ at: time, ms: finite.check(z.positive()) })),
  endedAt: z.nullable(time),
});

const plannedRoundSchema = z.strictObject({
  slot: z.string().check(z.minLength(1)),
  title: z.string(),
  kind: idSchema,
  templateId: idSchema,
  minutes: finite.check(z.positive()),
  weight: finite.check(z.positive()),
  tags: z.array(z.string()),
  signature: z.boolean(),
});

export const loopPlanSchema = z.strictObject({
  trackId: z.nullable(trackIdSchema),
  rounds: z.array(plannedRoundSchema).check(z.minLength(1)),
  signature: z.nullable(
    z.strictObject({
      kind: z.string(),
      title: z.string(),
      available: z.boolean(),
      included: z.boolean(),
    }),
  ),
});

const phaseSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('planning') }),
  z.strictObject({ name: z.literal('round'), index: z.int().check(z.gte(0)) }),
  z.strictObject({ name: z.literal('scoring'), index: z.int().check(z.gte(0)) }),
  z.strictObject({ name: z.literal('between'), index: z.int().check(z.gte(0)) }),
  z.strictObject({ name: z.literal('done') }),
]);

const scoreSchema = z.record(
  z.string(),
  // The levels of content's levelSchema, compared directly: a stored session has a score per dimension
  // per round, and a parse each was a noticeable part of reading 200 sessions.
  z.custom<1 | 2 | 3 | 4>((v) => v === 1 || v === 2 || v === 3 || v === 4, {
    message: 'expected a number from 1 to 4',
  }),
);

const roundRecordSchema = z.strictObject({
  timer: z.nullable(timerFactsSchema),
  endReason: z.nullable(z.enum(['done', 'timeout'])),
  scores: scoreSchema,
  note: z.string(),
  /** The kind's own scoring data; the kind checks it (its scoringSchema). */
  scoring: z.unknown(),
  scoredAt: z.nullable(time),
  finish: z.optional(
    z.strictObject({
      state: z.enum(['running', 'done', 'failed']),
      at: time,
      summary: z.optional(z.string()),
    }),
  ),
});

export const SESSION_RECORD_VERSION = 1;

export const sessionRecordSchema = z
  .strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    v: z.literal(SESSION_RECORD_VERSION),
    mode: z.enum(['loop', 'practice']),
    trackId: z.nullable(trackIdSchema),
    seed: z.int(),
    createdAt: time,
    updatedAt: time,
    startedAt: z.nullable(time),
    finishedAt: z.nullable(time),
    plan: loopPlanSchema,
    phase: phaseSchema,
    rounds: z.array(roundRecordSchema),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.rounds.length !== s.plan.rounds.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rounds'],
          message: `has ${s.rounds.length} rounds, the plan ${s.plan.rounds.length}`,
        });
      if ('index' in s.phase && s.phase.index >= s.plan.rounds.length)
        ctx.addIssue({
          code: 'custom',
          path: ['phase', 'index'],
          message: `no round ${s.phase.index + 1} in the plan`,
        });
    }),
  );

export const answerRecordSchema = z.strictObject({
  sessionId: z.string().check(z.minLength(1)),
  index: z.int().check(z.gte(0)),
  kind: idSchema,
  /** The kind's answer; the kind checks it (its answerSchema) and repairs what it can. */
  value: z.custom<unknown>((v) => v !== undefined, { message: 'is missing (expected an answer)' }),
  updatedAt: time,
});

export const timelineRecordSchema = z.strictObject({
  sessionId: z.string().check(z.minLength(1)),
  index: z.int().check(z.gte(0)),
  seq: z.int().check(z.gte(0)),
  data: z.unknown(),
  updatedAt: time,
});

export const projectRecordSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  type: z.enum(['research', 'production']),
  title: z.string().check(z.maxLength(500)),
  summary: z.string().check(z.maxLength(20_000)),
  role: z.string().check(z.maxLength(20_000)),
  result: z.string().check(z.maxLength(20_000)),
  limitations: z.string().check(z.maxLength(20_000)),
  createdAt: time,
  updatedAt: time,
});

/** A recorded piece without its bytes (those travel as a file in a backup). */
export const mediaMetaSchema = z.strictObject({
  sessionId: z.string().check(z.minLength(1)),
  index: z.int().check(z.gte(0)),
  clip: z.string().check(z.minLength(1), z.maxLength(100)),
  seq: z.int().check(z.gte(0)),
  mimeType: z.string().check(z.maxLength(200)),
  at: time,
  updatedAt: time,
});

/** A record migration: one named step that brings a stored record from one version to the next. */
export interface RecordMigration {
  from: number;
  to: number;
  name: string;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Session record migrations, oldest first. Version 1 is the first shape that was ever stored;
 * a change to the shape adds a step here (with its test) and bumps SESSION_RECORD_VERSION.
 */
export const SESSION_MIGRATIONS: RecordMigration[] = [];

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Brings a raw record up to the current version, or says why it cannot. */
export function migrateRecord(
  raw: unknown,
  current: number,
  migrations: RecordMigration[],
): Checked<Record<string, unknown>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, error: 'expected a record (an object)' };
  let rec = raw as Record<string, unknown>;
  const stated = rec.v;
  if (typeof stated !== 'number' || !Number.isInteger(stated) || stated < 1)
    return { ok: false, error: 'v: expected a record version (a whole number from 1)' };
  let v: number = stated;
  if (v > current)
    return {
      ok: false,
      error: `v: version ${v} is newer than this mockloop knows (${current}); update mockloop`,
    };
  while (v < current) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, error: `v: no migration from version ${v}` };
    rec = step.up(rec);
    v = step.to;
  }
  return { ok: true, value: rec };
}

/** "rounds[1].scores.depth: expected a number from 1 to 4" for each problem, under a prefix. */
export function describeIssues(error: z.core.$ZodError, prefix = ''): string[] {
  const at = (path: PropertyKey[]) => {
    let out = prefix;
    for (const seg of path) {
      if (typeof seg === 'number') out += `[${seg}]`;
      else out += out ? `.${String(seg)}` : String(seg);
    }
    return out || '(top level)';
  };
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => `${at([...issue.path, k])}: unknown field`);
    const message =
      issue.code === 'invalid_type' && /received undefined/.test(issue.message)
        ? `is missing (expected ${issue.expected})`
        : issue.message;
    return [`${at(issue.path)}: ${message}`];
  });
}

/** Checks a stored session (migrating it first); the error names the first problems found. */
export function checkSession(
  raw: unknown,
  prefix = 'session',
): Checked<z.infer<typeof sessionRecordSchema>> {
  const migrated = migrateRecord(raw, SESSION_RECORD_VERSION, SESSION_MIGRATIONS);
  if (!migrated.ok) return { ok: false, error: `${prefix}.${migrated.error}` };
  const r = sessionRecordSchema.safeParse(migrated.value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: describeIssues(r.error, prefix).slice(0, 3).join('; ') };
}

export function checkRecord<T>(schema: z.ZodMiniType<T>, raw: unknown, prefix: string): Checked<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: describeIssues(r.error, prefix).slice(0, 3).join('; ') };
}
