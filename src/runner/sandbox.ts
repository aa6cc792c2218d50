// What the Python worker removes from its own global scope before any user code runs: the
// person's code needs none of it, and without it cannot reach stored data or the network.
export const REMOVED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'indexedDB',
  'caches',
  'importScripts',
  'BroadcastChannel',
  'Request',
  'Response',
  'Worker',
  'SharedWorker',
  'navigator',
] as const;

/** Deletes each name from the global object and every prototype that carries it. */
export function lockDown(scope: object): string[] {
  const left: string[] = [];
  for (const name of REMOVED_GLOBALS) {
    let obj: object | null = scope;
    while (obj) {
      if (Object.hasOwn(obj, name)) {
        try {
          delete (obj as Record<string, unknown>)[name];
        } catch {
          // Non-configurable: shadowed below.
        }
      }
      obj = Object.getPrototypeOf(obj);
    }
    if ((scope as Record<string, unknown>)[name] !== undefined) {
      try {
        Object.defineProperty(scope, name, {
          value: undefined,
          configurable: false,
          writable: false,
        });
      } catch {
        left.push(name);
      }
    }
  }
  return left;
}

/** Python run once at start: a clear answer for packages the app does not ship. */
export const PYTHON_GUARD = `
import sys

class _PlainPythonOnly:
    """Answers imports of packages that are not here at once, with a message that helps."""
    SHIPPED_ELSEWHERE = {"numpy", "scipy", "pandas", "torch", "sklearn", "tensorflow", "jax",
                         "matplotlib", "micropip", "requests", "sympy", "numba", "cupy"}

    def find_spec(self, name, path=None, target=None):
        root = name.split(".")[0]
        if root in self.SHIPPED_ELSEWHERE or root in ("js", "pyodide_js"):
            raise ModuleNotFoundError(
                f"No module named '{root}': mockloop runs plain Python with the standard library only. "
                "Every problem here is solvable with lists, dicts and the math module.",
                name=root,
            )
        return None

sys.meta_path.insert(0, _PlainPythonOnly())
for _m in ("js", "pyodide_js"):
    sys.modules.pop(_m, None)
del _m
`;
