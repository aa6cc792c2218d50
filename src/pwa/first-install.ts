/**
 * A first visit fetches the whole precache (about 40 MB: Pyodide, Monaco, Excalidraw and the
 * rest). Started at once it shares two cores and the network with the round the person opened,
 * so it starts once the page has settled: this long after load, at the next idle moment.
 */
export const FIRST_INSTALL_AFTER_MS = 5000;
