// When a deep-dive round ends with a recording running — time up mid-answer, or the page closed
// mid-recording and the round found over on reopening — the recorder stops after the answer is
// locked, so the clip would keep no end and count as 0 s. Its end is its last stored piece, as
// after a reload; a clip with no stored piece is dropped (there is nothing to play).
import type { KindFinish } from '../../domain/kind';
import type { DeepDiveAnswer } from './spec';

const finish: KindFinish = async ({ answer, recorded }) => {
  const a = answer as DeepDiveAnswer;
  if (!a?.clips?.some((c) => c.endedAt === null)) return null;
  const lastAt = new Map<string, number>();
  for (const p of await recorded()) lastAt.set(p.clip, Math.max(lastAt.get(p.clip) ?? 0, p.at));
  let closed = 0;
  const clips = a.clips.flatMap((c) => {
    if (c.endedAt !== null) return [c];
    const end = lastAt.get(c.id);
    if (end === undefined) return [];
    closed++;
    return [{ ...c, endedAt: Math.max(end, c.startedAt) }];
  });
  const summary =
    closed === 0
      ? 'A recording started as the round ended had nothing saved; it was removed.'
      : `${closed === 1 ? 'A recording was' : `${closed} recordings were`} still running when the round ended; ${closed === 1 ? 'it ends' : 'each ends'} at its last saved second.`;
  return { answer: { ...a, clips }, summary };
};

export default finish;
