// Keyboard shortcuts: plain keys for the common moves, never while the person types in a
// field or an editor. Screens register what they offer; `?` lists what is active.
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';

export interface Shortcut {
  key: string;
  label: string;
  run: () => void;
  /** Hidden from the list when the action is not possible right now. */
  enabled?: boolean;
}

type Registry = {
  add(id: number, list: Shortcut[]): void;
  remove(id: number): void;
  all(): Shortcut[];
  subscribe(fn: () => void): () => void;
};

function createRegistry(): Registry {
  const entries = new Map<number, Shortcut[]>();
  const listeners = new Set<() => void>();
  let snapshot: Shortcut[] = [];
  const emit = () => {
    snapshot = [...entries.values()].flat();
    for (const l of listeners) l();
  };
  return {
    add(id, list) {
      entries.set(id, list);
      emit();
    },
    remove(id) {
      entries.delete(id);
      emit();
    },
    all: () => snapshot,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

const Ctx = createContext<Registry | null>(null);
let nextId = 1;

/** Is the person typing somewhere a plain key belongs to the text? */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (
    target.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor, [role="textbox"]',
    )
  ) {
    const input = target.closest('input');
    // Radio buttons and checkboxes take no text: number keys still score.
    if (input && (input.type === 'radio' || input.type === 'checkbox' || input.type === 'button'))
      return false;
    return true;
  }
  return false;
}

export function ShortcutProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createRegistry);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTypingTarget(e.target)) return;
      // Inside an open dialog only the dialog's own keys apply.
      if (document.querySelector('dialog[open]') && !(e.target as Element)?.closest?.('dialog'))
        return;
      const match = registry
        .all()
        .filter((s) => s.enabled !== false)
        .reverse()
        .find((s) => s.key === e.key);
      if (match) {
        e.preventDefault();
        match.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry]);
  return <Ctx.Provider value={registry}>{children}</Ctx.Provider>;
}

export function useShortcuts(list: Shortcut[]): void {
  const registry = useContext(Ctx);
  const idRef = useRef(0);
  if (idRef.current === 0) idRef.current = nextId++;
  // Re-register when labels or enabled states change; the run functions are read fresh.
  const latest = useRef(list);
  latest.current = list;
  const signature = list.map((s) => `${s.key}:${s.label}:${s.enabled !== false}`).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: signature stands for the list's visible content
  useEffect(() => {
    if (!registry) return;
    const id = idRef.current;
    registry.add(
      id,
      latest.current.map((s, i) => ({ ...s, run: () => latest.current[i]?.run() })),
    );
    return () => registry.remove(id);
  }, [registry, signature]);
}

export function useActiveShortcuts(): Shortcut[] {
  const registry = useContext(Ctx);
  return useSyncExternalStore(registry?.subscribe ?? (() => () => {}), registry?.all ?? (() => []));
}
