// When a system design round ends — "I'm done", time up, or time found up on reopening a closed
// page — the board's last state joins the replay. The view records a frame at most every 10 s
// and cannot write once the round is locked, so the last seconds of drawing (or everything since
// the page was closed) would be missing from the history; the stored answer holds them.
import type { KindFinish } from '../../domain/kind';
import { formatClock } from '../../domain/timer';
import { type BoardElement, type BoardFrame, boardAt, lastFrameAt, readFrames } from './replay';
import { readAnswer } from './spec';

export function lastFrame(
  timeline: unknown[],
  answerRaw: unknown,
  usedMs: number,
): { seq: number; frame: BoardFrame } | null {
  const answer = readAnswer(answerRaw).answer;
  const elements = (answer.scene?.elements ?? []).filter(
    (e): e is BoardElement =>
      !!e &&
      typeof e === 'object' &&
      typeof (e as BoardElement).id === 'string' &&
      typeof (e as BoardElement).version === 'number',
  );
  const frames = readFrames(timeline);
  const state = boardAt(frames, Number.POSITIVE_INFINITY);
  const seq = timeline.length;
  const at = Math.max(usedMs, lastFrameAt(frames));
  const live = elements.filter((e) => !e.isDeleted);
  if (state.seq === null || state.gap) {
    // No whole history to continue: a key frame says the truth on its own.
    if (live.length === 0 && state.seq === null) return null;
    return { seq, frame: { v: 1, kind: 'board', at, key: true, elements: live, gone: [] } };
  }
  const before = new Map(state.elements.map((e) => [e.id, e.version]));
  const changed = elements
    .filter((e) => (e.isDeleted ? before.has(e.id) : before.get(e.id) !== e.version))
    .map((e) => (e.isDeleted ? { id: e.id, version: e.version, isDeleted: true } : e));
  const present = new Set(elements.map((e) => e.id));
  const gone = [...before.keys()].filter((id) => !present.has(id));
  if (changed.length === 0 && gone.length === 0) return null;
  return {
    seq,
    frame: { v: 1, kind: 'board', at, key: false, prev: state.seq, elements: changed, gone },
  };
}

const finish: KindFinish = async ({ answer, timeline, usedMs }) => {
  const piece = lastFrame(timeline, answer, usedMs);
  if (!piece) return null;
  return {
    summary: `The board's last changes were added to the replay at ${formatClock(piece.frame.at)}.`,
    timeline: [{ seq: piece.seq, data: piece.frame }],
  };
};

export default finish;
