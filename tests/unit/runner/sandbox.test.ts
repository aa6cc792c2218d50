import { describe, expect, it } from 'vitest';
import { lockDown, REMOVED_GLOBALS } from '../../../src/runner/sandbox';

describe('the worker lock-down', () => {
  it('removes network and storage from the global object and its prototypes', () => {
    class Scope {}
    Object.assign(Scope.prototype, { fetch: () => 'network', importScripts: () => {} });
    Object.defineProperty(Scope.prototype, 'indexedDB', { get: () => 'db', configurable: true });
    const scope = new Scope() as Record<string, unknown>;
    scope.XMLHttpRequest = class {};
    scope.WebSocket = class {};
    scope.postMessage = () => 'kept';
    expect(lockDown(scope)).toEqual([]);
    for (const name of REMOVED_GLOBALS) expect(scope[name], name).toBeUndefined();
    expect(scope.postMessage).toBeTypeOf('function');
  });

  it('shadows what cannot be deleted', () => {
    const scope = {} as Record<string, unknown>;
    Object.defineProperty(Object.getPrototypeOf(scope), 'caches', {
      value: 'x',
      configurable: true,
      writable: true,
    });
    try {
      Object.defineProperty(scope, 'caches', {
        value: 'stuck',
        configurable: false,
        writable: true,
        enumerable: true,
      });
      lockDown(scope);
      // A non-configurable own property that cannot be shadowed is reported, never silently kept.
      expect(scope.caches === undefined || lockDown(scope).includes('caches')).toBe(true);
    } finally {
      delete (Object.prototype as Record<string, unknown>).caches;
    }
  });
});
