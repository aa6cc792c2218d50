// Starts the worker and exposes one call for the bench: run this Python source, put the answer on
// the page ("done N", or "raised: …" with the exception, so the bench can say why).
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const status = document.getElementById('status')!;
const out = document.getElementById('out')!;
let runs = 0;
worker.onmessage = (ev: MessageEvent<{ type: string; message?: string }>) => {
  if (ev.data.type === 'ready') status.textContent = 'ready';
  else if (ev.data.type === 'failed') status.textContent = `failed: ${ev.data.message}`;
  else if (ev.data.type === 'error') out.textContent = `raised: ${ev.data.message}`;
  else
    out.textContent = `done ${++runs} (${(ev.data as { ms?: number }).ms?.toFixed(1)} ms in the worker)`;
};
(window as unknown as { runPython(code: string): void }).runPython = (code) =>
  worker.postMessage({ code });
