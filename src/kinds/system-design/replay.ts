// The board's history for the scoring replay, stored piece by piece in the round's timeline.
// A frame is either a key frame (every live element) or a change frame (only the elements whose
// Excalidraw version moved since the frame before, deletions included), stamped on the round
// clock. Frames are written at most every MIN_GAP_MS; a key frame starts every (re)load and
// comes again every KEY_EVERY_MS, so a lost piece spoils at most the frames up to the next key
// frame and never shows a wrong board: a change frame is applied only onto the frame it follows.
import { z } from '../../domain/zod';

export const MIN_GAP_MS = 10_000;
export const KEY_EVERY_MS = 5 * 60_000;

/** An Excalidraw element as far as the replay cares: the rest travels untouched. */
export interface BoardElement {
  id: string;
  version: number;
  isDeleted?: boolean;
  [key: string]: unknown;
}

const elementSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  isDeleted: z.optional(z.boolean()),
});

export const boardFrameSchema = z.strictObject({
  v: z.literal(1),
  kind: z.literal('board'),
  /** Round-clock ms. */
  at: z.number().check(z.gte(0)),
  key: z.boolean(),
  /** A change frame: the seq of the frame it follows. */
  prev: z.optional(z.int().check(z.gte(0))),
  elements: z.array(elementSchema),
  /** Ids that left the scene altogether since the frame before. */
  gone: z._default(z.array(z.string()), []),
});
export type BoardFrame = z.infer<typeof boardFrameSchema>;

/**
 * Immutable copies of Excalidraw's elements, which it mutates in place: an element is copied
 * again only when its version moved, so copying a large board on every save stays cheap.
 */
export class ElementCopies {
  private cache = new Map<string, BoardElement>();

  copy(elements: readonly BoardElement[]): BoardElement[] {
    const next = new Map<string, BoardElement>();
    const out = elements.map((el) => {
      const known = this.cache.get(el.id);
      const copy =
        known && known.version === el.version && known.isDeleted === el.isDeleted
          ? known
          : (JSON.parse(JSON.stringify(el)) as BoardElement);
      next.set(el.id, copy);
      return copy;
    });
    this.cache = next;
    return out;
  }
}

/** Cheap identity of a scene: changes whenever any element is added, changed or removed. */
export function sceneKey(elements: readonly BoardElement[]): string {
  let sum = 0;
  for (const el of elements) sum = (sum * 31 + el.version) | 0;
  return `${elements.length}:${sum}`;
}

const slim = (el: BoardElement): BoardElement =>
  el.isDeleted ? { id: el.id, version: el.version, isDeleted: true } : el;

export class BoardRecorder {
  private versions = new Map<string, number>();
  private lastSeq: number | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;
  private lastKeyAt = Number.NEGATIVE_INFINITY;
  private waiting: readonly BoardElement[] | null = null;

  /**
   * @param nextSeq the first free seq of the round's timeline
   * @param save stores one frame (the caller copies nothing: frames hold copies already)
   */
  constructor(
    private nextSeq: number,
    private readonly save: (seq: number, frame: BoardFrame) => void,
    private readonly opts = { minGapMs: MIN_GAP_MS, keyEveryMs: KEY_EVERY_MS },
  ) {}

  /**
   * The scene as it is now (copies). Records a frame at once when the last one is old enough,
   * else keeps it: returns the ms after which `offer` or `flush` should be called again (0: none).
   */
  offer(at: number, elements: readonly BoardElement[]): number {
    this.waiting = elements;
    const wait = this.lastAt + this.opts.minGapMs - at;
    if (wait > 0) return wait;
    this.flush(at);
    return 0;
  }

  /** Records what is waiting now, whatever the gap (the tab hiding, the first frame). */
  flush(at: number): void {
    const elements = this.waiting;
    this.waiting = null;
    if (!elements) return;
    const key = this.lastSeq === null || at - this.lastKeyAt >= this.opts.keyEveryMs;
    const changed = key
      ? elements.filter((el) => !el.isDeleted)
      : elements.filter((el) => this.versions.get(el.id) !== el.version).map(slim);
    const present = new Set(elements.map((el) => el.id));
    const gone = key ? [] : [...this.versions.keys()].filter((id) => !present.has(id));
    if (!key && changed.length === 0 && gone.length === 0) return;
    const seq = this.nextSeq++;
    const frame: BoardFrame = { v: 1, kind: 'board', at, key, elements: changed, gone };
    if (!key && this.lastSeq !== null) frame.prev = this.lastSeq;
    this.save(seq, frame);
    this.versions = new Map(elements.map((el) => [el.id, el.version]));
    this.lastSeq = seq;
    this.lastAt = at;
    if (key) this.lastKeyAt = at;
  }

  /** Something is waiting to be recorded. */
  get pending(): boolean {
    return this.waiting !== null;
  }
}

export interface StoredFrame {
  seq: number;
  frame: BoardFrame;
}

/** The round's timeline pieces that are board frames, damaged ones dropped, in seq order. */
export function readFrames(raw: readonly unknown[]): StoredFrame[] {
  const out: StoredFrame[] = [];
  raw.forEach((piece, seq) => {
    const r = boardFrameSchema.safeParse(piece);
    if (r.success) out.push({ seq, frame: r.data });
  });
  return out;
}

export interface BoardState {
  elements: BoardElement[];
  /** Round-clock time of the frame shown, or null before the first. */
  at: number | null;
  /** A piece was lost before t: the board shown is the last one known to be whole. */
  gap: boolean;
  /** Seq of the last frame applied, or null. */
  seq: number | null;
}

/** The board as it stood at round-clock time t. */
export function boardAt(frames: readonly StoredFrame[], t: number): BoardState {
  let map: Map<string, BoardElement> | null = null;
  let state: BoardState = { elements: [], at: null, gap: false, seq: null };
  let broken = false;
  for (const { seq, frame } of frames) {
    if (frame.at > t) break;
    if (frame.key) {
      map = new Map(frame.elements.map((el) => [el.id, el as BoardElement]));
      broken = false;
    } else if (map && !broken && frame.prev === state.seq) {
      for (const el of frame.elements) {
        if (el.isDeleted) map.delete(el.id);
        else map.set(el.id, el as BoardElement);
      }
      for (const id of frame.gone) map.delete(id);
    } else {
      // The frame before this one is missing: wait for the next key frame.
      broken = true;
      state = { ...state, gap: true };
      continue;
    }
    state = { elements: [...map.values()], at: frame.at, gap: false, seq };
  }
  return broken ? { ...state, gap: true } : state;
}

export function lastFrameAt(frames: readonly StoredFrame[]): number {
  return frames.reduce((m, f) => Math.max(m, f.frame.at), 0);
}

/** Total size of the stored frames as JSON, for keeping the replay within its budget. */
export function framesBytes(frames: readonly unknown[]): number {
  return frames.reduce<number>((n, f) => n + (f ? JSON.stringify(f).length : 0), 0);
}
