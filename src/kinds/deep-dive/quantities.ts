// Finds the quantities in typed text: numbers with a unit, a percentage, a currency or a
// magnitude ("120 ms", "3%", "$40k", "2.5M users", "3x"). A production story without them is the
// mistake interviewers warn of, so the round counts them. Plain numbers (a year, "3 things") and
// numbers inside names ("p99", "GPT-4", "top-5") are not quantities. Pure: no DOM.

const UNITS = [
  // time
  'ns',
  'µs',
  'us',
  'ms',
  'milliseconds?',
  's',
  'secs?',
  'seconds?',
  'mins?',
  'minutes?',
  'h',
  'hrs?',
  'hours?',
  'days?',
  'weeks?',
  'months?',
  'quarters?',
  'years?',
  // rates and traffic
  'qps',
  'rps',
  'tps',
  'req/s',
  'requests?',
  'queries',
  'query',
  'calls?',
  'events?',
  'sessions?',
  'users?',
  'customers?',
  'clicks?',
  'impressions?',
  'visits?',
  'orders?',
  'transactions?',
  'items?',
  'products?',
  'documents?',
  'pages?',
  // data and models
  'bytes?',
  'bits?',
  'kb',
  'mb',
  'gb',
  'tb',
  'pb',
  'kib',
  'mib',
  'gib',
  'tib',
  'kbps',
  'mbps',
  'gbps',
  'tokens?',
  'params',
  'parameters?',
  'weights?',
  'layers?',
  'features?',
  'classes',
  'labels?',
  'examples?',
  'samples?',
  'images?',
  'rows?',
  'records?',
  'annotators?',
  'languages?',
  'models?',
  'experiments?',
  'seeds?',
  'runs?',
  'epochs?',
  'steps?',
  'iterations?',
  'folds?',
  'trials?',
  // compute
  'gpus?',
  'tpus?',
  'cpus?',
  'cores?',
  'nodes?',
  'machines?',
  'servers?',
  'hosts?',
  'replicas?',
  'shards?',
  'pods?',
  'instances?',
  'flops',
  'tflops',
  'pflops',
  'gpu[- ]hours?',
  'gpu[- ]days?',
  // money
  'usd',
  'eur',
  'gbp',
  'dollars?',
  'euros?',
  'pounds?',
  'cents?',
  // metrics and changes
  'percent',
  'per cent',
  'pp',
  'percentage points?',
  'points?',
  'bps',
  'basis points?',
  'auc',
  'bleu',
  'rouge(?:-[l12])?',
  'f1',
  'map',
  'ndcg',
  'mrr',
  'ctr',
  'accuracy',
  'precision',
  'recall',
  'perplexity',
  'wer',
  // operations
  'incidents?',
  'rollbacks?',
  'outages?',
  'alerts?',
  'pages?',
  'launches',
  'releases?',
  'deploys?',
  'deployments?',
  'engineers?',
  'people',
  'times',
];

// A number as people type it: 1,200 · 3.5 · .5 · -2 · +2.1, optionally after a currency sign.
// Not when it continues a word or a name (p99, GPT-4, v2, top-5, x1.5 in an identifier).
const NUMBER =
  /(?<![\w.])(?<![A-Za-z][-‑])([$€£])?[-+−]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)/g;
const MAGNITUDE = String.raw`\s?(?:k|m|b|bn|mn|thousand|million|billion)(?![A-Za-z])`;
// A magnitude alone ("40k") or before a unit ("2.5M users"), or a unit alone ("120 ms").
const SUFFIX = new RegExp(
  String.raw`^(?:(?:${MAGNITUDE})?\s?(?:%|‰|×|x(?![A-Za-z])|(?:${UNITS.join('|')})(?![A-Za-z]))|${MAGNITUDE})`,
  'i',
);
const RANGE = /^\s*(?:to|→|->|–|—|-|‑)\s*$/;

export interface Quantity {
  text: string;
  index: number;
}

/** Drops what is not prose: code, and `$…$` math (which starts like a price). */
function prose(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text
    .replace(/```[\s\S]*?(?:```|$)/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\$\$[\s\S]*?\$\$/g, blank)
    .replace(/\$([^$\n]+)\$/g, (m, inner: string) =>
      // Math has operators or is one symbol; "costs $2 and $3" is two prices, not math.
      /[\\^_{}=*/<>]/.test(inner) || /^\s*[A-Za-z]\s*$/.test(inner) ? blank(m) : m,
    );
}

export function findQuantities(text: string): Quantity[] {
  const src = prose(text);
  const found: (Quantity & { end: number })[] = [];
  const bare: { index: number; end: number; text: string }[] = [];
  for (const m of src.matchAll(NUMBER)) {
    const index = m.index!;
    const end = index + m[0].length;
    const after = src.slice(end, end + 40);
    const suffix = SUFFIX.exec(after);
    if (m[1] || suffix) {
      const shown = src.slice(index, end + (suffix?.[0].length ?? 0));
      found.push({ text: shown, index, end: index + shown.length });
    } else {
      bare.push({ index, end, text: m[0] });
    }
  }
  // A range shares its unit: "from 120 to 45 ms", "120 → 45 ms", "3-5 GPUs".
  for (const b of bare) {
    const next = found.find((q) => q.index >= b.end && RANGE.test(src.slice(b.end, q.index)));
    if (next) found.push({ text: b.text, index: b.index, end: b.end });
  }
  return found.sort((a, b) => a.index - b.index).map(({ text: t, index }) => ({ text: t, index }));
}

export function countQuantities(text: string): number {
  return findQuantities(text).length;
}
