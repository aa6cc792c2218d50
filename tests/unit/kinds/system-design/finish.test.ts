// When the round ends, the board's last state joins the replay (the view cannot write after the
// lock, and records at most every 10 s).
import { describe, expect, it } from 'vitest';
import finish, { lastFrame } from '../../../../src/kinds/system-design/finish';
import {
  type BoardElement,
  type BoardFrame,
  BoardRecorder,
  boardAt,
  readFrames,
} from '../../../../src/kinds/system-design/replay';
import { emptyDesignAnswer } from '../../../../src/kinds/system-design/spec';
import { makeDesignTemplate } from './make-template';

const el = (id: string, version = 1, extra: Partial<BoardElement> = {}): BoardElement => ({
  id,
  version,
  type: 'rectangle',
  ...extra,
});
const withScene = (elements: BoardElement[]) => ({
  ...emptyDesignAnswer(),
  scene: { elements, files: {} },
});

function recorded(scenes: [number, BoardElement[]][]) {
  const pieces: unknown[] = [];
  const rec = new BoardRecorder(0, (seq, f) => {
    pieces[seq] = f;
  });
  for (const [at, els] of scenes) rec.offer(at, els);
  return pieces;
}

describe('the finish step of a system design round', () => {
  it('adds what the answer holds beyond the last frame, as a change frame at the end of the round', async () => {
    const timeline = recorded([[0, [el('a')]]]);
    const result = await finish({
      template: makeDesignTemplate(),
      answer: withScene([el('a', 2), el('b'), el('c', 3, { isDeleted: true })]),
      endReason: 'timeout',
      usedMs: 45 * 60_000,
      timeline,
      recorded: async () => [],
    });
    expect(result?.timeline).toHaveLength(1);
    const piece = result!.timeline![0]!;
    expect(piece.seq).toBe(1);
    expect(piece.data).toMatchObject({ key: false, prev: 0, at: 45 * 60_000 });
    expect(result!.answer).toBeUndefined();
    const frames = readFrames([...timeline, piece.data]);
    expect(boardAt(frames, 45 * 60_000).elements.map((e) => [e.id, e.version])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(result!.summary).toMatch(/added to the replay at 45:00/);
  });

  it('adds nothing when the replay already ends on the stored board', async () => {
    const timeline = recorded([[0, [el('a')]]]);
    expect(
      await finish({
        template: makeDesignTemplate(),
        answer: withScene([el('a')]),
        endReason: 'done',
        usedMs: 5000,
        timeline,
        recorded: async () => [],
      }),
    ).toBeNull();
    expect(lastFrame([], emptyDesignAnswer(), 1000)).toBeNull();
  });

  it('writes a key frame when there is no whole history to continue', () => {
    const timeline = recorded([
      [0, [el('a')]],
      [10_000, [el('a'), el('b')]],
    ]);
    delete timeline[0];
    const piece = lastFrame(timeline, withScene([el('a'), el('b'), el('c')]), 20_000)!;
    expect((piece.frame as BoardFrame).key).toBe(true);
    expect(piece.frame.elements.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(lastFrame([], withScene([el('a')]), 3000)).toMatchObject({
      seq: 0,
      frame: { key: true },
    });
  });
});
