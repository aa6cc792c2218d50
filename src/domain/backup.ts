// Backups: everything mockloop stores, as one JSON document (with recordings as files beside it
// in a zip). Reading one back is defensive: size and depth limits first, prototype keys refused
// anywhere, every record checked and migrated, every reference resolved, and only then a merge
// plan — nothing is written until all of it holds.

import {
  answerRecordSchema,
  checkRecord,
  checkSession,
  mediaMetaSchema,
  projectRecordSchema,
  timelineRecordSchema,
} from './records';
import type { Session } from './session';
import type { z } from './zod';

export const BACKUP_FORMAT = 'mockloop-backup';
/** The backup document's own version; older ones are migrated, newer ones refused. */
export const BACKUP_VERSION = 1;

export const LIMITS = {
  /** The JSON part of a backup. */
  jsonBytes: 50 * 1024 * 1024,
  /** A zip with recordings. */
  zipBytes: 1024 * 1024 * 1024,
  /** One recorded piece. */
  mediaPieceBytes: 20 * 1024 * 1024,
  /** How deeply arrays and objects may nest (our own records need about 12). */
  depth: 64,
  records: 200_000,
} as const;

type Answer = z.infer<typeof answerRecordSchema>;
type Timeline = z.infer<typeof timelineRecordSchema>;
type Project = z.infer<typeof projectRecordSchema>;
export type MediaMeta = z.infer<typeof mediaMetaSchema>;

/** A media piece in a backup: its record without the bytes, and the zip entry holding them. */
export interface MediaEntry extends MediaMeta {
  file: string;
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  sessions: Session[];
  answers: Answer[];
  timeline: Timeline[];
  projects: Project[];
  media: MediaEntry[];
  /** Preferences kept in localStorage (theme and the like), as key → value. */
  settings: Record<string, string>;
}

export const mediaFileName = (m: MediaMeta, ext: string) =>
  `media/${encodeURIComponent(m.sessionId)}/${m.index}/${encodeURIComponent(m.clip)}/${m.seq}.${ext}`;

export function extensionFor(mimeType: string): string {
  if (mimeType.includes('webm')) return 'webm';
  if (mimeType.includes('ogg')) return 'ogg';
  if (mimeType.includes('mp4')) return 'm4a';
  return 'bin';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest nesting of brackets outside strings, found without parsing (so without recursion). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** Finds keys that could reach an object's prototype, anywhere in a parsed tree (no recursion). */
export function prototypeKeys(root: unknown, limit = 5): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length && found.length < limit) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}[${i}]`]);
      continue;
    }
    for (const key of Object.keys(node)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN.has(key)) found.push(at);
      else stack.push([(node as Record<string, unknown>)[key], at]);
    }
  }
  return found;
}

/** Step 1: the text of a backup's JSON, within limits, to a plain tree with no prototype keys. */
export function parseBackupText(text: string): Parsed<unknown> {
  // A character is at least one byte: only a long text needs counting exactly.
  const bytes =
    text.length * 3 <= LIMITS.jsonBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > LIMITS.jsonBytes)
    return {
      ok: false,
      errors: [
        `the backup is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${LIMITS.jsonBytes / 1024 / 1024} MB of JSON can be imported`,
      ],
    };
  const depth = nestingDepth(text);
  if (depth > LIMITS.depth)
    return {
      ok: false,
      errors: [
        `the backup nests ${depth} levels deep; a mockloop backup never nests past ${LIMITS.depth}`,
      ],
    };
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${(e as Error).message}`] };
  }
  const bad = prototypeKeys(tree);
  if (bad.length)
    return {
      ok: false,
      errors: bad.map(
        (p) => `${p}: a key named like this is refused (it could change how objects behave)`,
      ),
    };
  return { ok: true, value: tree };
}

/** Backup document migrations, oldest first (none yet: version 1 is the first format). */
export const BACKUP_MIGRATIONS: {
  from: number;
  to: number;
  name: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}[] = [];

const LISTS = ['sessions', 'answers', 'timeline', 'projects', 'media'] as const;

/**
 * Step 2: a parsed tree to a checked backup document. Every problem is listed with where it is
 * (`sessions[3].rounds[1].scores.depth: expected a number from 1 to 4`), not only the first.
 * `files`: names of the files beside the JSON (a zip's entries), to resolve recordings.
 */
export function checkBackup(tree: unknown, files: Set<string> = new Set()): Parsed<BackupDocument> {
  const errors: string[] = [];
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree))
    return { ok: false, errors: ['(top level): expected a mockloop backup (a JSON object)'] };
  let doc = tree as Record<string, unknown>;
  if (doc.format !== BACKUP_FORMAT)
    return {
      ok: false,
      errors: [`format: expected "${BACKUP_FORMAT}" — this is not a mockloop backup`],
    };
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, errors: ['version: expected a whole number from 1'] };
  if (version > BACKUP_VERSION)
    return {
      ok: false,
      errors: [
        `version: this backup was made by a newer mockloop (format ${version}; this one reads up to ${BACKUP_VERSION}). Update mockloop, then import it.`,
      ],
    };
  for (let v = version; v < BACKUP_VERSION; ) {
    const step = BACKUP_MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, errors: [`version: no migration from format ${v}`] };
    doc = step.up(doc);
    v = step.to;
  }
  for (const key of Object.keys(doc)) {
    if (!['format', 'version', 'exportedAt', 'settings', ...LISTS].includes(key))
      errors.push(`${key}: unknown field`);
  }
  const lists: Record<(typeof LISTS)[number], unknown[]> = {
    sessions: [],
    answers: [],
    timeline: [],
    projects: [],
    media: [],
  };
  let total = 0;
  for (const key of LISTS) {
    const v = doc[key] ?? [];
    if (!Array.isArray(v)) errors.push(`${key}: expected a list`);
    else {
      lists[key] = v;
      total += v.length;
    }
  }
  if (total > LIMITS.records)
    return { ok: false, errors: [`the backup holds ${total} records; at most ${LIMITS.records}`] };

  const settings: Record<string, string> = {};
  if (doc.settings !== undefined) {
    if (doc.settings === null || typeof doc.settings !== 'object' || Array.isArray(doc.settings))
      errors.push('settings: expected an object of text values');
    else
      for (const [k, v] of Object.entries(doc.settings)) {
        if (typeof v !== 'string' || !k.startsWith('mockloop:') || v.length > 10_000)
          errors.push(`settings.${k}: expected a mockloop preference (text)`);
        else settings[k] = v;
      }
  }

  const sessions: Session[] = [];
  const seen = new Map<string, number>();
  lists.sessions.forEach((raw, i) => {
    const c = checkSession(raw, `sessions[${i}]`);
    if (!c.ok) errors.push(c.error);
    else {
      const s = c.value as Session;
      const first = seen.get(s.id);
      if (first !== undefined)
        errors.push(`sessions[${i}].id: "${s.id}" appears twice (also sessions[${first}])`);
      seen.set(s.id, i);
      sessions.push(s);
    }
  });
  const roundsOf = new Map(sessions.map((s) => [s.id, s.plan.rounds.length]));
  const refs = (what: string, i: number, r: { sessionId: string; index: number }) => {
    const n = roundsOf.get(r.sessionId);
    if (n === undefined)
      errors.push(`${what}[${i}].sessionId: no session "${r.sessionId}" in this backup`);
    else if (r.index >= n)
      errors.push(`${what}[${i}].index: session "${r.sessionId}" has no round ${r.index + 1}`);
  };
  const unique = (what: string, keys: string[]) => {
    const at = new Map<string, number>();
    keys.forEach((k, i) => {
      const first = at.get(k);
      if (first !== undefined) errors.push(`${what}[${i}]: the same record as ${what}[${first}]`);
      else at.set(k, i);
    });
  };

  const answers: Answer[] = [];
  lists.answers.forEach((raw, i) => {
    const c = checkRecord(answerRecordSchema, raw, `answers[${i}]`);
    if (!c.ok) errors.push(c.error);
    else {
      refs('answers', i, c.value);
      answers.push(c.value);
    }
  });
  unique(
    'answers',
    answers.map((a) => `${a.sessionId}/${a.index}`),
  );

  const timeline: Timeline[] = [];
  lists.timeline.forEach((raw, i) => {
    const c = checkRecord(timelineRecordSchema, raw, `timeline[${i}]`);
    if (!c.ok) errors.push(c.error);
    else {
      refs('timeline', i, c.value);
      timeline.push(c.value);
    }
  });
  unique(
    'timeline',
    timeline.map((t) => `${t.sessionId}/${t.index}/${t.seq}`),
  );

  const projects: Project[] = [];
  lists.projects.forEach((raw, i) => {
    const c = checkRecord(projectRecordSchema, raw, `projects[${i}]`);
    if (!c.ok) errors.push(c.error);
    else projects.push(c.value);
  });
  unique(
    'projects',
    projects.map((p) => p.id),
  );

  const media: MediaEntry[] = [];
  lists.media.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push(`media[${i}]: expected a recorded piece`);
      return;
    }
    const { file, ...meta } = raw as Record<string, unknown>;
    const c = checkRecord(mediaMetaSchema, meta, `media[${i}]`);
    if (!c.ok) errors.push(c.error);
    else if (typeof file !== 'string')
      errors.push(`media[${i}].file: expected the name of a file in the backup`);
    else if (!files.has(file))
      errors.push(
        `media[${i}].file: "${file}" is not in this backup (import the .zip, not its JSON alone)`,
      );
    else {
      refs('media', i, c.value);
      media.push({ ...c.value, file });
    }
  });
  unique(
    'media',
    media.map((m) => `${m.sessionId}/${m.index}/${m.clip}/${m.seq}`),
  );

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: typeof doc.exportedAt === 'number' ? doc.exportedAt : 0,
      sessions,
      answers,
      timeline,
      projects,
      media,
      settings,
    },
  };
}

/** What the store holds now, as far as a merge needs to know. */
export interface Existing {
  sessions: Map<string, Session>;
  projects: Map<string, Project>;
}

export interface Conflict {
  kind: 'session' | 'project';
  id: string;
  title: string;
  mine: number;
  theirs: number;
  /** The default: the record changed last wins. */
  keep: 'mine' | 'theirs';
}

export interface MergePlan {
  addSessions: string[];
  addProjects: string[];
  /** Same id, same content: nothing to do. */
  unchanged: number;
  conflicts: Conflict[];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Step 3: what importing would add, and which records conflict (same id, different content). */
export function planMerge(backup: BackupDocument, existing: Existing): MergePlan {
  const plan: MergePlan = { addSessions: [], addProjects: [], unchanged: 0, conflicts: [] };
  for (const s of backup.sessions) {
    const mine = existing.sessions.get(s.id);
    if (!mine) plan.addSessions.push(s.id);
    else if (sameJson(mine, s)) plan.unchanged++;
    else
      plan.conflicts.push({
        kind: 'session',
        id: s.id,
        title: sessionTitle(s),
        mine: mine.updatedAt,
        theirs: s.updatedAt,
        keep: s.updatedAt > mine.updatedAt ? 'theirs' : 'mine',
      });
  }
  for (const p of backup.projects) {
    const mine = existing.projects.get(p.id);
    if (!mine) plan.addProjects.push(p.id);
    else if (sameJson(mine, p)) plan.unchanged++;
    else
      plan.conflicts.push({
        kind: 'project',
        id: p.id,
        title: p.title,
        mine: mine.updatedAt,
        theirs: p.updatedAt,
        keep: p.updatedAt > mine.updatedAt ? 'theirs' : 'mine',
      });
  }
  return plan;
}

export function sessionTitle(s: Session): string {
  const when = new Date(s.startedAt ?? s.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  const what =
    s.mode === 'practice'
      ? `practice · ${s.plan.rounds[0]?.title ?? ''}`
      : `${s.trackId ?? 'custom'} loop`;
  return `${what} (${when})`;
}

/**
 * Step 4: the records to write for a plan with the person's choices applied. A session taken
 * from the backup brings its answers, timeline and recordings, replacing the store's for it.
 */
export function recordsToWrite(backup: BackupDocument, plan: MergePlan) {
  const takeSession = new Set([
    ...plan.addSessions,
    ...plan.conflicts.filter((c) => c.kind === 'session' && c.keep === 'theirs').map((c) => c.id),
  ]);
  const takeProject = new Set([
    ...plan.addProjects,
    ...plan.conflicts.filter((c) => c.kind === 'project' && c.keep === 'theirs').map((c) => c.id),
  ]);
  return {
    replaceSessions: [...takeSession],
    sessions: backup.sessions.filter((s) => takeSession.has(s.id)),
    answers: backup.answers.filter((a) => takeSession.has(a.sessionId)),
    timeline: backup.timeline.filter((t) => takeSession.has(t.sessionId)),
    media: backup.media.filter((m) => takeSession.has(m.sessionId)),
    projects: backup.projects.filter((p) => takeProject.has(p.id)),
  };
}
