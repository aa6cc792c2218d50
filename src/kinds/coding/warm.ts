// What a coding round needs, started in the order the person meets it: the round's code and the
// editor first, Python right after. On two cores Pyodide's start (12.9 MB, a large WebAssembly
// compile) delays the editor by a second or more when both start together, while Python is
// first needed at the first Run. Tiny and free of static imports: the registry holds it.

/** Python starts at the latest this long after the round's code arrived, editor or not. */
const PYTHON_AFTER_MS = 2000;

let editorShown: () => void = () => {};
const shown = new Promise<void>((resolve) => {
  editorShown = resolve;
});

const startPython = () =>
  void import('../../runner/client').then((m) =>
    m
      .python()
      .warm()
      .catch(() => {}),
  );

/**
 * Fetches the round's views and Monaco at once, side by side (they would otherwise load one after
 * the other), and starts Python once the editor is on screen — or a little after the code
 * arrived when no editor comes (the coding round is later in the loop). Safe to call often.
 */
export function warmCoding(): void {
  const code = Promise.allSettled([import('./views'), import('./monaco')]);
  startPythonAfterEditor(code);
}

/** Starts Python when the editor is up, or PYTHON_AFTER_MS after `after` settles. */
export function startPythonAfterEditor(after: Promise<unknown> = Promise.resolve()): void {
  const fallback = after.then(() => new Promise<void>((r) => setTimeout(r, PYTHON_AFTER_MS)));
  void Promise.race([shown, fallback]).then(startPython);
}

/** The editor is on screen (or could not load): Python may start. */
export function editorUp(): void {
  editorShown();
}
