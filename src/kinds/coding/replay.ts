// The round's edit history, kept so scoring can replay the code at any minute. It is a list of
// chunks; each starts with a full snapshot of the code (at every Run and Submit, on every
// (re)load, and every few seconds of editing) followed by the editor's changes. A lost change
// or a reload can spoil at most the rest of one chunk: the next chunk starts from the truth.
import { z } from '../../domain/zod';

/** [offset, length replaced, inserted text] in the document as it was before the change. */
export type Change = [number, number, string];

export const replayChunkSchema = z.strictObject({
  v: z.literal(1),
  /** Round-clock ms of the snapshot. */
  at: z.number(),
  snapshot: z.string(),
  /** [round-clock ms, changes of one editor event]. */
  edits: z.array(z.tuple([z.number(), z.array(z.tuple([z.number(), z.number(), z.string()]))])),
});
export type ReplayChunk = z.infer<typeof replayChunkSchema>;

export const SNAPSHOT_EVERY_MS = 10_000;

/** Applies one editor event (changes relative to the same document) to a text. */
export function applyChanges(text: string, changes: Change[]): string {
  // Later offsets first, so earlier offsets stay valid.
  const sorted = [...changes].sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [offset, length, insert] of sorted) {
    out = out.slice(0, offset) + insert + out.slice(offset + length);
  }
  return out;
}

export class ReplayRecorder {
  private chunk: ReplayChunk | null = null;
  private seq: number;
  private text = '';

  /**
   * @param firstSeq the chunk number to continue from (chunks already stored)
   * @param save called with a chunk whenever it changes
   */
  constructor(
    firstSeq: number,
    private readonly save: (seq: number, chunk: ReplayChunk) => void,
  ) {
    this.seq = firstSeq - 1;
  }

  /** A full snapshot: at load, at every Run and Submit. */
  snapshot(at: number, text: string): void {
    this.text = text;
    this.seq++;
    this.chunk = { v: 1, at, snapshot: text, edits: [] };
    this.save(this.seq, this.chunk);
  }

  /** One editor event; `after` is the editor's text after it, the source of truth. */
  edit(at: number, changes: Change[], after: string): void {
    if (!this.chunk || at - this.chunk.at >= SNAPSHOT_EVERY_MS) {
      this.snapshot(at, after);
      return;
    }
    const next = applyChanges(this.text, changes);
    if (next !== after) {
      // The recorder missed something: start again from the editor's text.
      this.snapshot(at, after);
      return;
    }
    this.text = after;
    this.chunk = { ...this.chunk, edits: [...this.chunk.edits, [at, changes]] };
    this.save(this.seq, this.chunk);
  }
}

/** Parses stored chunks, dropping any that are damaged instead of failing the replay. */
export function readChunks(raw: unknown[]): ReplayChunk[] {
  return raw
    .map((c) => replayChunkSchema.safeParse(c))
    .flatMap((r) => (r.success ? [r.data] : []))
    .sort((a, b) => a.at - b.at);
}

/** The code as it stood at round-clock time t (the starter before the first chunk). */
export function codeAt(chunks: ReplayChunk[], t: number, fallback: string): string {
  let base: ReplayChunk | undefined;
  for (const c of chunks) if (c.at <= t) base = c;
  if (!base) return fallback;
  let text = base.snapshot;
  for (const [at, changes] of base.edits) {
    if (at > t) break;
    text = applyChanges(text, changes);
  }
  return text;
}

/** The last moment anything was recorded. */
export function lastMoment(chunks: ReplayChunk[]): number {
  return chunks.reduce((m, c) => Math.max(m, c.at, ...c.edits.map((e) => e[0])), 0);
}
