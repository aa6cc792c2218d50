// Runs work just after the next frame is painted: a message posted from requestAnimationFrame
// arrives once that frame's style, layout and paint are done, so what the key changed on screen
// is not held back by it. Where no frame comes (a hidden tab, no rAF at all), a timer runs it
// within `maxWaitMs`. Returns a cancel function; the work runs at most once.
export function afterPaint(run: () => void, maxWaitMs = 100): () => void {
  let done = false;
  let frame: number | null = null;
  let channel: MessageChannel | null = null;
  const cancel = () => {
    done = true;
    clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
    channel?.port1.close();
  };
  const fire = () => {
    if (done) return;
    cancel();
    run();
  };
  const timer = setTimeout(fire, maxWaitMs);
  if (typeof requestAnimationFrame === 'function' && typeof MessageChannel === 'function') {
    frame = requestAnimationFrame(() => {
      frame = null;
      if (done) return;
      channel = new MessageChannel();
      channel.port1.onmessage = fire;
      channel.port2.postMessage(null);
    });
  }
  return cancel;
}
