// Excalidraw, loaded lazily with the system design round. Its fonts are served by the app
// (see vite-excalidraw.ts): the asset path is set before Excalidraw creates its first font face,
// as an absolute URL under the page's own base, so a build served from a sub-folder works too.
import './asset-path';
import '@excalidraw/excalidraw/index.css';

export {
  convertToExcalidrawElements,
  Excalidraw,
  exportToBlob,
  exportToSvg,
  MainMenu,
  restore,
  restoreElements,
} from '@excalidraw/excalidraw';
