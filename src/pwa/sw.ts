/// <reference lib="webworker" />
// The service worker: Workbox precaches every file of the build (the manifest is injected at
// build time, so kinds landing later are covered without being named) and serves them from the
// cache, offline included. Pages and worker scripts leave the cache with the isolation and
// security headers (the ones the host sent, else the app's own), so the page stays
// cross-origin isolated offline and on hosts that cannot set headers.
import { clientsClaim } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { APP_HEADERS } from './headers';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

/** Documents and worker scripts get the headers; other files are passed through untouched
 * (re-wrapping the wasm would cost it Chromium's compiled-code cache). */
function needsHeaders(request: Request): boolean {
  return (
    request.mode === 'navigate' ||
    request.destination === 'document' ||
    request.destination === 'worker' ||
    request.destination === 'sharedworker'
  );
}

function withHeaders(response: Response): Response {
  const missing = Object.entries(APP_HEADERS).filter(([k]) => !response.headers.has(k));
  if (missing.length === 0 || response.type === 'opaque') return response;
  const headers = new Headers(response.headers);
  for (const [k, v] of missing) headers.set(k, v);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

addPlugins([
  {
    handlerWillRespond: async ({ request, response }) =>
      needsHeaders(request) ? withHeaders(response) : response,
  },
]);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Routes are hash routes, so every navigation is the one page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// The first install takes over the open page at once, so a first visit that goes offline
// before a reload still finds every chunk. A later version waits (see register.ts): it is
// applied only when the person asks for it, never under a running round.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
if (!self.registration.active) clientsClaim();
