// Stored pieces as recordings: grouped by clip, their size, and their length from stored
// timestamps (Chromium's WebM from MediaRecorder reports duration = Infinity, so the blob is
// never asked). Pure apart from Blob.
import type { MediaPiece } from '../views';
import type { Clip } from './spec';

export interface StoredRecording {
  clip: string;
  pieces: MediaPiece[];
  bytes: number;
  mimeType: string;
  /** The last piece's time: where a recording cut by a reload ends. */
  lastAt: number;
}

export function groupPieces(pieces: MediaPiece[]): Map<string, StoredRecording> {
  const out = new Map<string, StoredRecording>();
  for (const p of [...pieces].sort((a, b) => a.clip.localeCompare(b.clip) || a.seq - b.seq)) {
    const r = out.get(p.clip);
    if (r) {
      r.pieces.push(p);
      r.bytes += p.blob.size;
      r.lastAt = Math.max(r.lastAt, p.at);
    } else {
      out.set(p.clip, {
        clip: p.clip,
        pieces: [p],
        bytes: p.blob.size,
        mimeType: p.mimeType,
        lastAt: p.at,
      });
    }
  }
  return out;
}

/** The pieces of one recording as one playable file. */
export function recordingBlob(r: StoredRecording): Blob {
  return new Blob(
    r.pieces.map((p) => p.blob),
    { type: r.mimeType },
  );
}

/** Length of a clip: from its stop time, else (cut by a reload) from its last saved piece. */
export function recordedMs(clip: Clip, stored?: StoredRecording): number | null {
  const end = clip.endedAt ?? stored?.lastAt ?? null;
  return end === null ? null : Math.max(0, end - clip.startedAt);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A clip's id: its step, its part and its start, so ids sort by step and then by time. */
export function clipId(step: string, part: 'main' | 'followup', startedAt: number): string {
  return `${step}.${part}.${String(startedAt).padStart(14, '0')}`;
}

export function fileExtension(mimeType: string): string {
  if (mimeType.includes('ogg')) return 'ogg';
  if (mimeType.includes('mp4')) return 'm4a';
  return 'webm';
}
