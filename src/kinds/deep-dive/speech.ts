// Hearing the interviewer: a question read aloud by the browser's own speech voices. Only
// voices the system holds locally are used, so the text never leaves the machine (a remote
// voice would send it to a speech service); without one, the person is told so.

export type SpeakResult = { ok: true } | { ok: false; message: string };

function voicesSoon(synth: SpeechSynthesis, waitMs: number): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length || waitMs <= 0) return Promise.resolve(now);
  // Chromium fills the list asynchronously after the first call.
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener?.('voiceschanged', done);
      clearTimeout(timer);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, waitMs);
    synth.addEventListener?.('voiceschanged', done);
  });
}

export async function speak(text: string, waitMs = 600): Promise<SpeakResult> {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined')
    return {
      ok: false,
      message: 'This browser cannot read text aloud; read the question yourself.',
    };
  const voices = (await voicesSoon(synth, waitMs)).filter((v) => v.localService);
  if (voices.length === 0)
    return {
      ok: false,
      message:
        'This system has no speech voice installed locally, so the question cannot be read aloud here; read it yourself.',
    };
  const lang = (typeof navigator !== 'undefined' && navigator.language) || 'en';
  const voice =
    voices.find((v) => v.lang === lang) ??
    voices.find((v) => v.lang.startsWith('en')) ??
    voices[0]!;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(plain(text));
  u.voice = voice;
  u.lang = voice.lang;
  synth.speak(u);
  return { ok: true };
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined') window.speechSynthesis?.cancel();
}

/** Markdown and math marks read badly aloud. */
export function plain(text: string): string {
  return text
    .replace(/\$\$?([^$]+)\$\$?/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
