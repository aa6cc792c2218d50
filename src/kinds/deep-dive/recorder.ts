// Recording a spoken answer: the microphone is asked for only when the person presses Record;
// MediaRecorder hands a piece about every second, each written at once through the round's
// media access (IndexedDB, never the localStorage journal), so a reload or a crash loses at
// most the last second. Every way it can fail ends in a sentence and leaves typing working.

export type ProblemKind =
  | 'unsupported'
  | 'refused'
  | 'missing'
  | 'busy'
  | 'ended'
  | 'failed'
  | 'not-saved';

export interface RecorderProblem {
  kind: ProblemKind;
  message: string;
}

export interface Piece {
  seq: number;
  blob: Blob;
  mimeType: string;
  /** Wall-clock ms the piece was recorded up to. */
  at: number;
}

export interface Recording {
  /** Wall-clock ms the recorder started: the clip's start for its duration. */
  startedAt: number;
  mimeType: string;
  stop(): void;
}

/** Opus first (about 4 KB a second at 32 kbit/s, so well under 1 MB a minute). */
const TYPES = [
  'audio/webm;codecs=opus',
  'audio/ogg;codecs=opus',
  'audio/mp4;codecs=opus',
  'audio/webm',
  'audio/mp4',
];
export const AUDIO_BITS_PER_SECOND = 32_000;
/** MediaRecorder's timeslice: one stored piece about every second. */
export const PIECE_MS = 1000;

export function recordingSupported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function' &&
    typeof MediaRecorder !== 'undefined'
  );
}

export function pickMimeType(): string | undefined {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function')
    return undefined;
  return TYPES.find((t) => MediaRecorder.isTypeSupported(t));
}

const KEEP = 'What was recorded is kept, and typing works as before.';

export function describeMicError(e: unknown): RecorderProblem {
  const name = (e as { name?: string })?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return {
      kind: 'refused',
      message:
        'The microphone was refused, so nothing is being recorded. Type your answer instead, or allow the microphone for this site in the browser and press Record again.',
    };
  if (
    name === 'NotFoundError' ||
    name === 'OverconstrainedError' ||
    name === 'DevicesNotFoundError'
  )
    return {
      kind: 'missing',
      message:
        'No microphone was found. Type your answer instead, or plug one in and press Record again.',
    };
  if (name === 'NotReadableError' || name === 'AbortError')
    return {
      kind: 'busy',
      message:
        'The microphone could not be opened (another program may be using it). Type your answer instead.',
    };
  return {
    kind: 'failed',
    message: `Recording could not start (${(e as Error)?.message || name || 'unknown error'}). Type your answer instead.`,
  };
}

/**
 * Starts recording. onPiece stores a piece and says whether it was accepted (false: this tab no
 * longer owns the session, so recording stops). onStop runs once, with a problem when the stop
 * was not asked for (the microphone unplugged, the recorder failed).
 */
export async function startRecording(opts: {
  onPiece(piece: Piece): boolean;
  onStop(end: { endedAt: number; problem?: RecorderProblem }): void;
}): Promise<Recording | RecorderProblem> {
  if (!recordingSupported())
    return {
      kind: 'unsupported',
      message: 'This browser cannot record audio here. Type your answer instead.',
    };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
    });
  } catch (e) {
    return describeMicError(e);
  }
  const chosen = pickMimeType();
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, {
      ...(chosen ? { mimeType: chosen } : {}),
      audioBitsPerSecond: AUDIO_BITS_PER_SECOND,
    });
  } catch (e) {
    for (const t of stream.getTracks()) t.stop();
    return describeMicError(e);
  }
  let seq = 0;
  let problem: RecorderProblem | undefined;
  let done = false;
  const stop = () => {
    if (recorder.state !== 'inactive') {
      try {
        recorder.stop();
      } catch {
        finish();
      }
    } else finish();
  };
  const finish = () => {
    if (done) return;
    done = true;
    for (const t of stream.getTracks()) t.stop();
    opts.onStop({ endedAt: Date.now(), ...(problem ? { problem } : {}) });
  };
  recorder.ondataavailable = (e: BlobEvent) => {
    if (!e.data || e.data.size === 0) return;
    const t0 = performance.now();
    const ok = opts.onPiece({
      seq: seq++,
      blob: e.data,
      mimeType: recorder.mimeType || chosen || e.data.type || 'audio/webm',
      at: Date.now(),
    });
    // The main-thread cost of handing a piece to storage, for scripts/measure-recording.ts.
    try {
      performance.measure('deep-dive:piece', { start: t0, end: performance.now() });
    } catch {
      // Older browsers without measure options: nothing to report.
    }
    if (!ok && !problem) {
      problem = {
        kind: 'not-saved',
        message:
          'Recording stopped: this tab no longer writes the session. What was saved is kept.',
      };
      stop();
    }
  };
  recorder.onstop = finish;
  recorder.onerror = () => {
    problem ??= { kind: 'failed', message: `The recorder failed. ${KEEP}` };
    stop();
  };
  for (const track of stream.getAudioTracks()) {
    track.addEventListener('ended', () => {
      problem ??= {
        kind: 'ended',
        message: `The microphone stopped (unplugged or switched off). ${KEEP}`,
      };
      stop();
    });
  }
  const startedAt = Date.now();
  recorder.start(PIECE_MS);
  return { startedAt, mimeType: recorder.mimeType || chosen || 'audio/webm', stop };
}

export function isProblem(r: Recording | RecorderProblem): r is RecorderProblem {
  return 'kind' in r;
}
