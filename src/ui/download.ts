// Saves a file the way a browser download does: nothing leaves the machine.
export function download(filename: string, data: Blob | string, type = 'application/json'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** JSON that survives values JSON cannot hold (a Blob, undefined, a cycle) instead of throwing. */
export function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(
    value,
    (_k, v) => {
      if (typeof Blob !== 'undefined' && v instanceof Blob)
        return `[${v.type || 'binary'}, ${v.size} bytes]`;
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[cycle]';
        seen.add(v);
      }
      return v === undefined ? null : v;
    },
    2,
  );
}
