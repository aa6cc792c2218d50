// Values that travel between YAML, JSON and Python. JSON cannot hold inf or NaN, so they are
// tagged: {"$float": "inf" | "-inf" | "nan"}. The Python harness decodes the same tags.

export function encodeValue(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $float: Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf' };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

/** A short Python-like rendering of an encoded value, for showing inputs and results. */
export function formatValue(value: unknown, indent = 0): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : formatFloat(value);
  if (typeof value === 'string') return JSON.stringify(value).replace(/^"|"$/g, "'");
  if (Array.isArray(value)) return formatSequence(value, '[', ']', indent);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('$float' in o && Object.keys(o).length === 1) {
      return o.$float === 'nan' ? 'nan' : o.$float === 'inf' ? 'inf' : '-inf';
    }
    if ('$repr' in o && Object.keys(o).length === 1) return String(o.$repr);
    if ('$tuple' in o && Object.keys(o).length === 1) {
      return formatSequence(o.$tuple as unknown[], '(', ')', indent);
    }
    const items = Object.entries(o).map(([k, v]) => `'${k}': ${formatValue(v, indent)}`);
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

function formatFloat(x: number): string {
  const s = Number.parseFloat(x.toPrecision(10)).toString();
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

function formatSequence(items: unknown[], open: string, close: string, indent: number): string {
  const isMatrix = items.length > 1 && items.every((r) => Array.isArray(r));
  if (isMatrix) {
    const pad = ' '.repeat(indent + 1);
    return `${open}${items.map((r, i) => (i ? pad : '') + formatValue(r, indent + 1)).join(',\n')}${close}`;
  }
  return `${open}${items.map((v) => formatValue(v, indent)).join(', ')}${close}`;
}
