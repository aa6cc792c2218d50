// Where Excalidraw finds its fonts: <the app's base>/excalidraw/, which vite-excalidraw.ts serves.
// Its own module, imported before Excalidraw, so the path is set before any font face exists.
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

window.EXCALIDRAW_ASSET_PATH = new URL('excalidraw/', document.baseURI).href;

export {};
