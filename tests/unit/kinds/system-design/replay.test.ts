import { describe, expect, it } from 'vitest';
import {
  type BoardElement,
  type BoardFrame,
  BoardRecorder,
  boardAt,
  ElementCopies,
  framesBytes,
  readFrames,
  sceneKey,
} from '../../../../src/kinds/system-design/replay';

const S = 1000;

function el(id: string, version = 1, extra: Partial<BoardElement> = {}): BoardElement {
  return { id, version, type: 'rectangle', x: 0, y: 0, width: 100, height: 60, ...extra };
}

function recorder() {
  const pieces: unknown[] = [];
  const rec = new BoardRecorder(0, (seq, frame) => {
    pieces[seq] = frame;
  });
  return { rec, pieces };
}

const ids = (elements: BoardElement[]) => elements.map((e) => e.id).sort();

describe('the board replay', () => {
  it('starts with a key frame, then stores only what changed, at most every 10 s', () => {
    const { rec, pieces } = recorder();
    expect(rec.offer(0, [el('a')])).toBe(0);
    expect(rec.offer(3 * S, [el('a'), el('b')])).toBe(7 * S);
    expect(pieces).toHaveLength(1);
    rec.flush(10 * S);
    expect(rec.offer(12 * S, [el('a', 2), el('b')])).toBe(8 * S);
    rec.flush(20 * S);
    const frames = pieces as BoardFrame[];
    expect(frames.map((f) => [f.at, f.key, f.prev, ids(f.elements as BoardElement[])])).toEqual([
      [0, true, undefined, ['a']],
      [10 * S, false, 0, ['b']],
      [20 * S, false, 1, ['a']],
    ]);
  });

  it('shows the board at any moment, deletions included', () => {
    const { rec, pieces } = recorder();
    rec.offer(0, [el('a'), el('b')]);
    rec.offer(10 * S, [el('a'), el('b', 2, { isDeleted: true }), el('c')]);
    rec.offer(20 * S, [el('a', 3, { x: 50 }), el('c')]);
    const frames = readFrames(pieces);
    expect(ids(boardAt(frames, 5 * S).elements)).toEqual(['a', 'b']);
    expect(ids(boardAt(frames, 15 * S).elements)).toEqual(['a', 'c']);
    const late = boardAt(frames, 25 * S);
    expect(late.elements.find((e) => e.id === 'a')).toMatchObject({ version: 3, x: 50 });
    expect(boardAt(frames, -1)).toMatchObject({ elements: [], at: null });
  });

  it('a lost piece never shows a wrong board: the last whole one until the next key frame', () => {
    const pieces: unknown[] = [];
    const rec = new BoardRecorder(
      0,
      (seq, f) => {
        pieces[seq] = f;
      },
      { minGapMs: 10 * S, keyEveryMs: 60 * S },
    );
    rec.offer(0, [el('a')]);
    rec.offer(10 * S, [el('a'), el('b')]);
    rec.offer(20 * S, [el('a'), el('b'), el('c')]);
    rec.offer(60 * S, [el('a'), el('b'), el('c'), el('d')]);
    expect((pieces[3] as BoardFrame).key).toBe(true);
    delete pieces[1];
    const frames = readFrames(pieces);
    const during = boardAt(frames, 30 * S);
    expect(ids(during.elements)).toEqual(['a']);
    expect(during.gap).toBe(true);
    const after = boardAt(frames, 61 * S);
    expect(ids(after.elements)).toEqual(['a', 'b', 'c', 'd']);
    expect(after.gap).toBe(false);
  });

  it('drops damaged pieces instead of failing', () => {
    const frames = readFrames([
      { v: 1, kind: 'board', at: 0, key: true, elements: [el('a')] },
      'junk',
      { v: 9 },
      null,
    ]);
    expect(frames).toHaveLength(1);
    expect(ids(boardAt(frames, 1).elements)).toEqual(['a']);
  });

  it('a key frame at every reload: a new recorder continues the timeline from its first free seq', () => {
    const pieces: unknown[] = [];
    const save = (seq: number, f: BoardFrame) => {
      pieces[seq] = f;
    };
    new BoardRecorder(0, save).offer(0, [el('a')]);
    const again = new BoardRecorder(pieces.length, save);
    again.offer(30 * S, [el('a'), el('b')]);
    expect(pieces).toHaveLength(2);
    expect((pieces[1] as BoardFrame).key).toBe(true);
  });

  it('keeps a 45-minute round that ends with 500 elements within a few MB', () => {
    const { rec, pieces } = recorder();
    const board: BoardElement[] = [];
    let n = 0;
    // A frame every 10 s: 2 new elements and 3 moved ones each time, realistic element size.
    for (let t = 0; t <= 45 * 60 * S; t += 10 * S) {
      for (let k = 0; k < 2 && board.length < 500; k++) {
        board.push(
          el(`e${n++}`, 1, {
            strokeColor: '#1e1e1e',
            backgroundColor: 'transparent',
            fillStyle: 'solid',
            strokeWidth: 2,
            roughness: 1,
            opacity: 100,
            groupIds: [],
            boundElements: [{ id: 'x', type: 'text' }],
            seed: 12345,
            versionNonce: 67890,
            updated: 1_700_000_000_000,
            index: 'a0',
          }),
        );
      }
      for (let k = 0; k < 3 && board.length; k++) {
        const i = (t / S + k * 7) % board.length;
        board[i] = { ...board[i]!, version: board[i]!.version + 1, x: t };
      }
      rec.offer(
        t,
        board.map((e) => ({ ...e })),
      );
    }
    const bytes = framesBytes(pieces);
    expect(board).toHaveLength(500);
    // Measured here: about 1.3 MB.
    expect(bytes).toBeLessThan(3_000_000);
    expect(boardAt(readFrames(pieces), Number.POSITIVE_INFINITY).elements).toHaveLength(500);
  });
});

describe('copies of the live elements', () => {
  it('are taken again only when an element’s version moves, and never share Excalidraw’s objects', () => {
    const copies = new ElementCopies();
    const live = [el('a'), el('b')];
    const first = copies.copy(live);
    expect(first[0]).not.toBe(live[0]);
    live[0]!.x = 99; // Excalidraw mutates in place...
    expect(first[0]!.x).toBe(0);
    live[1]!.version = 2; // ...and bumps the version
    const second = copies.copy(live);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });

  it('a scene key changes with any element added, changed or removed', () => {
    const a = sceneKey([el('a'), el('b')]);
    expect(sceneKey([el('a'), el('b')])).toBe(a);
    expect(sceneKey([el('a'), el('b', 2)])).not.toBe(a);
    expect(sceneKey([el('a')])).not.toBe(a);
  });
});
