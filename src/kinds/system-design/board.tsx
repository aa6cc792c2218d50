// The whiteboard: the real Excalidraw, loaded lazily, following the app's light/dark theme, with
// the built-in component library. It owns its scene: a stored scene (maybe damaged, maybe from
// an older Excalidraw) goes through Excalidraw's own restore once, and changes go out as events;
// nothing is pushed back in except a scene to show (the replay). Replaced at the edge in jsdom.
import {
  forwardRef,
  memo,
  use,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { holdUntilRetry, Loadable } from '../../ui/Loadable';
import { useHtmlTheme } from '../../ui/use-html-theme';
import type { BoardElement } from './replay';
import type { StoredScene } from './spec';

type Mod = typeof import('./excalidraw');
type Api = import('@excalidraw/excalidraw/types').ExcalidrawImperativeAPI;
type AnyElements = Parameters<Mod['restoreElements']>[0];
type Files = import('@excalidraw/excalidraw/types').BinaryFiles;

export interface BoardHandle {
  /** The board as PNG or SVG, fonts embedded; null before it is ready or when it is empty. */
  exportImage(type: 'png' | 'svg'): Promise<Blob | null>;
}

export interface BoardReady {
  /** Ms from mounting to a board that can be drawn on. */
  ms: number;
  /** The elements the board opened with, after Excalidraw's restore. */
  elements: readonly BoardElement[];
  /** Elements in the stored scene that restore had to drop. */
  dropped: number;
}

export interface BoardProps {
  /** The scene to open with (read once). */
  initial: StoredScene | null;
  /** A scene to show, replacing what is on the board whenever it changes (the replay). */
  shown?: StoredScene | null;
  readOnly: boolean;
  /** Names the board for assistive technology. */
  label: string;
  /** Every change Excalidraw reports: the live elements (it mutates them) and files. */
  onScene?(elements: readonly BoardElement[], files: Record<string, unknown>): void;
  onReady?(ready: BoardReady): void;
}

function liveCount(elements: readonly unknown[]): number {
  return elements.filter(
    (e) => !!e && typeof e === 'object' && !(e as { isDeleted?: boolean }).isDeleted,
  ).length;
}

function libraryItems(mod: Mod) {
  return import('./library').then(({ COMPONENTS }) =>
    COMPONENTS.map((c) => ({
      id: `mockloop-${c.id}`,
      status: 'published' as const,
      created: 1,
      name: c.name,
      elements: mod.convertToExcalidrawElements(
        [
          {
            type: c.shape,
            x: 0,
            y: 0,
            width: c.shape === 'diamond' ? 170 : 180,
            height: c.shape === 'diamond' ? 110 : 80,
            backgroundColor: c.fill,
            strokeColor: c.stroke,
            fillStyle: 'solid',
            roughness: 1,
            roundness: c.sharp || c.shape !== 'rectangle' ? null : { type: 3 },
            customData: { component: c.id },
            label: { text: c.name, fontSize: 18 },
          },
        ],
        { regenerateIds: true },
      ),
    })),
  );
}

/**
 * Excalidraw 0.18's menu button has no accessible name (axe: button-name, critical). Name it
 * where it appears; Excalidraw re-renders it, so keep watching.
 */
function useNamedMenu(ref: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const name = () => {
      for (const b of el.querySelectorAll('button.main-menu-trigger, button.dropdown-menu-button'))
        if (!b.getAttribute('aria-label') && !b.textContent?.trim())
          b.setAttribute('aria-label', 'Board menu');
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}

/**
 * Letters and digits typed on the board belong to it (R draws a rectangle, 1 selects), never to
 * the app's one-key shortcuts (D ends the round, 1–4 score). Stopped in React, after Excalidraw's
 * own handler on its container has run; Escape, Space, arrows and modified keys go on, because
 * Excalidraw also listens for those on the document and the window.
 */
function keepKeys(e: React.KeyboardEvent) {
  if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey)
    e.stopPropagation();
}

// Excalidraw's chunk and the component library, held (and shared by every board) until they
// load; when they fail, Loadable's Retry drops them and imports again.
const EXCALIDRAW = {};
const loadBoard = () =>
  holdUntilRetry(EXCALIDRAW, 'excalidraw', () =>
    import('./excalidraw').then(async (mod) => ({ mod, items: await libraryItems(mod) })),
  );

/**
 * The board, or while Excalidraw loads a placeholder of its size; when Excalidraw cannot be
 * loaded, the app's message with Retry. The scene is in the store: the board Retry brings opens
 * with it (`initial`).
 */
export const Board = memo(
  forwardRef<BoardHandle, BoardProps>(function Board(props, ref) {
    // Ready times count from here, Excalidraw's load included.
    const [startedAt] = useState(() => performance.now());
    const loading = (
      <div
        className="sd-board-host"
        data-state="loading"
        role="application"
        aria-label={props.label}
      >
        <p className="muted sd-board-loading">Loading the whiteboard…</p>
      </div>
    );
    return (
      <Loadable what="the whiteboard" fallback={loading}>
        <LoadedBoard ref={ref} {...props} startedAt={startedAt} />
      </Loadable>
    );
  }),
);

const LoadedBoard = forwardRef<BoardHandle, BoardProps & { startedAt: number }>(
  function LoadedBoard(props, ref) {
    const { mod, items } = use(loadBoard());
    const api = useRef<Api | null>(null);
    const latest = useRef(props);
    latest.current = props;
    const host = useRef<HTMLDivElement>(null);
    const theme = useHtmlTheme();
    const [ready, setReady] = useState(false);
    useNamedMenu(host);

    // The stored scene through Excalidraw's own restore: invalid elements dropped, older
    // shapes brought up to date, the rest kept.
    const opened = useMemo(() => {
      const stored = latest.current.initial;
      const raw = (stored?.elements ?? []) as AnyElements;
      let elements: readonly BoardElement[] = [];
      try {
        const restored = mod.restore(
          { elements: raw, appState: null, files: (stored?.files ?? {}) as Files },
          null,
          null,
          { repairBindings: true, refreshDimensions: false },
        );
        elements = restored.elements as unknown as BoardElement[];
      } catch {
        // Restore itself gave up (a scene far from any shape it knows): keep what parses alone.
        elements = (raw ?? []).flatMap((el) => {
          try {
            return mod.restoreElements([el], null) as unknown as BoardElement[];
          } catch {
            return [];
          }
        });
      }
      return {
        elements,
        files: (stored?.files ?? {}) as Files,
        dropped: Math.max(0, liveCount(raw ?? []) - liveCount(elements)),
      };
    }, [mod]);

    useImperativeHandle(ref, () => ({
      async exportImage(type) {
        const a = api.current;
        const m = mod;
        if (!a) return null;
        const elements = a.getSceneElements();
        if (elements.length === 0) return null;
        const appState = { ...a.getAppState(), exportBackground: true, exportWithDarkMode: false };
        const files = a.getFiles();
        if (type === 'png')
          return m.exportToBlob({ elements, appState, files, mimeType: 'image/png' });
        const svg = await m.exportToSvg({ elements, appState, files });
        return new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
      },
    }));

    // The replay: show another scene whenever it changes.
    const shown = props.shown;
    useEffect(() => {
      const a = api.current;
      const m = mod;
      if (!a || !shown || !ready) return;
      const files = Object.values(shown.files) as Parameters<Api['addFiles']>[0];
      if (files.length) a.addFiles(files);
      a.updateScene({ elements: m.restoreElements(shown.elements as AnyElements, null) });
    }, [shown, mod, ready]);

    const { Excalidraw, MainMenu } = mod;
    return (
      <div
        ref={host}
        className="sd-board-host"
        data-state={ready ? 'ready' : 'loading'}
        data-elements={liveCount(opened.elements)}
        role="application"
        aria-label={props.label}
        onKeyDown={keepKeys}
      >
        <Excalidraw
          initialData={{
            elements: opened.elements as AnyElements,
            files: opened.files,
            libraryItems: items,
            scrollToContent: true,
            appState: { viewBackgroundColor: '#ffffff' },
          }}
          excalidrawAPI={(a) => {
            api.current = a;
            // Ready once Excalidraw has laid out its first frame.
            requestAnimationFrame(() => {
              const ms = performance.now() - props.startedAt;
              performance.mark('mockloop:board-ready');
              setReady(true);
              latest.current.onReady?.({
                ms,
                elements: opened.elements,
                dropped: opened.dropped,
              });
            });
          }}
          onChange={(elements, _appState, files) => {
            if (!latest.current.readOnly)
              latest.current.onScene?.(
                elements as unknown as readonly BoardElement[],
                files as Record<string, unknown>,
              );
          }}
          viewModeEnabled={props.readOnly}
          theme={theme}
          langCode="en"
          aiEnabled={false}
          validateEmbeddable={() => false}
          UIOptions={{
            canvasActions: {
              loadScene: false,
              saveToActiveFile: false,
              export: false,
              saveAsImage: false,
              toggleTheme: null,
            },
          }}
        >
          <MainMenu>
            <MainMenu.DefaultItems.ClearCanvas />
            <MainMenu.DefaultItems.ChangeCanvasBackground />
            <MainMenu.DefaultItems.Help />
          </MainMenu>
        </Excalidraw>
      </div>
    );
  },
);
