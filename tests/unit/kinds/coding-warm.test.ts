// The order a coding round's needs start in: its views and Monaco at once, Python only after the
// editor is on screen (on two cores Pyodide's start slows the editor down), or a little after the
// round's code arrived when no editor comes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const loaded: string[] = [];
const pythonWarm = vi.fn(() => Promise.resolve());

vi.mock('../../../src/kinds/coding/views', () => {
  loaded.push('views');
  return { default: {} };
});
vi.mock('../../../src/kinds/coding/monaco', () => {
  loaded.push('monaco');
  return { monaco: {}, Editor: () => null };
});
vi.mock('../../../src/runner/client', () => ({ python: () => ({ warm: pythonWarm }) }));

/** Lets every pending promise and dynamic import settle (timers stay fake). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

async function freshWarm() {
  vi.resetModules();
  return import('../../../src/kinds/coding/warm');
}

beforeEach(() => {
  loaded.length = 0;
  pythonWarm.mockClear();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

describe('warming a coding round', () => {
  it('fetches the views and Monaco side by side and holds Python until the editor is up', async () => {
    const { warmCoding, editorUp } = await freshWarm();
    warmCoding();
    await settle();
    expect(loaded.sort()).toEqual(['monaco', 'views']);
    expect(pythonWarm).not.toHaveBeenCalled();
    editorUp();
    await settle();
    expect(pythonWarm).toHaveBeenCalledTimes(1);
  });

  it('starts Python two seconds after the code arrived when no editor comes', async () => {
    const { warmCoding } = await freshWarm();
    warmCoding();
    await settle();
    vi.advanceTimersByTime(1999);
    await settle();
    expect(pythonWarm).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await settle();
    expect(pythonWarm).toHaveBeenCalledTimes(1);
  });

  it('a round view that mounts without a warm-up still starts Python once its editor is up', async () => {
    const { startPythonAfterEditor, editorUp } = await freshWarm();
    startPythonAfterEditor();
    await settle();
    expect(pythonWarm).not.toHaveBeenCalled();
    editorUp();
    await settle();
    expect(pythonWarm).toHaveBeenCalledTimes(1);
  });
});
