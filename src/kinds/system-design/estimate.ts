// Back-of-the-envelope estimates as a person types them: a number, an optional multiplier, an
// optional byte unit, optional words (what is counted) and an optional rate. The grammar:
//
//   entry   = [about | ~ | ≈] number [mult] [bytes] {word} [rate]
//   number  = 35 | 35000 | 35,000 | 1.5 | 1.2e9 | 1.2 × 10^9
//   mult    = k | K | thousand (1e3) · M | m | mn | million (1e6) · bn | billion (1e9) ·
//             tn | trillion (1e12)
//   bytes   = B | byte(s) · KB kB MB GB TB PB (powers of 1000) · KiB MiB GiB TiB (powers of 1024)
//   rate    = /s | per second | a second | QPS · /min | per minute · /h | per hour ·
//             /day | per day | daily · /month | per month | monthly (a month is 30 days)
//
// An entry that does not fit is kept as typed with the reason it cannot be read. Nothing here
// touches the DOM: the round shows what an entry reads as, scoring compares it with the
// template's reference within the template's factor.

export const ESTIMATE_UNITS = [
  'count',
  'count/s',
  'count/min',
  'count/day',
  'count/month',
  'bytes',
  'bytes/s',
  'bytes/day',
  'bytes/month',
] as const;
export type EstimateUnit = (typeof ESTIMATE_UNITS)[number];

export type Per = 's' | 'min' | 'h' | 'day' | 'month';
export const PER_SECONDS: Record<Per, number> = {
  s: 1,
  min: 60,
  h: 3600,
  day: 86_400,
  month: 30 * 86_400,
};
const PER_WORD: Record<Per, string> = {
  s: 'second',
  min: 'minute',
  h: 'hour',
  day: 'day',
  month: 'month',
};

export interface Quantity {
  /** In counts or bytes (per `per` when a rate). */
  value: number;
  kind: 'count' | 'bytes';
  per: Per | null;
}

export type ParsedEstimate = ({ ok: true } & Quantity) | { ok: false; reason: string };

const MULTIPLIERS: [RegExp, number][] = [
  [/^(?:thousand)(?![a-z])/i, 1e3],
  [/^(?:million|mn)(?![a-z])/i, 1e6],
  [/^(?:billion|bn)(?![a-z])/i, 1e9],
  [/^(?:trillion|tn)(?![a-z])/i, 1e12],
  [/^[kK](?![a-zA-Z])/, 1e3],
  [/^[mM](?![a-zA-Z])/, 1e6],
];

const BYTE_PREFIX: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  g: 1e9,
  t: 1e12,
  p: 1e15,
  ki: 2 ** 10,
  mi: 2 ** 20,
  gi: 2 ** 30,
  ti: 2 ** 40,
  pi: 2 ** 50,
};

const TIME_WORD = /^(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|d|months?|mo|mon|ms)$/i;

function perOf(word: string): Per | null {
  const w = word.toLowerCase();
  if (/^(?:s|secs?|seconds?)$/.test(w)) return 's';
  if (/^(?:mins?|minutes?)$/.test(w)) return 'min';
  if (/^(?:h|hrs?|hours?)$/.test(w)) return 'h';
  if (/^(?:d|days?)$/.test(w)) return 'day';
  if (/^(?:mo|mon|months?)$/.test(w)) return 'month';
  return null;
}

function readNumber(s: string): { value: number; rest: string } | { reason: string } | null {
  const m = /^(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:_\d{3})+(?!\d)|\d+)?(\.\d+)?/.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  let rest = s.slice(m[0].length);
  if (/^,\d/.test(rest))
    return { reason: 'use a dot for decimals (1.5) and commas only between thousands (1,500)' };
  let value = Number(`${(m[1] ?? '0').replace(/[,_]/g, '')}${m[2] ?? ''}`);
  const exp = /^[eE]([+-]?\d+)/.exec(rest) ?? /^\s*[x×*]\s*10\s*\^\s*([+-]?\d+)/.exec(rest);
  if (exp) {
    value *= 10 ** Number(exp[1]);
    rest = rest.slice(exp[0].length);
  }
  return { value, rest };
}

/** Reads what a person typed; unreadable input comes back with the reason. */
export function parseEstimate(input: string): ParsedEstimate {
  let s = input
    .trim()
    .replace(/(\d)[\u2009\u202f\u00a0](?=\d{3}\b)/g, '$1')
    .replace(/[.;]+$/, '')
    .trim();
  if (s === '') return { ok: false, reason: 'nothing entered' };
  s = s.replace(/^(?:~|≈|about|approx\.?|approximately|roughly|around|circa)\s*/i, '');
  if (/^[-−]/.test(s)) return { ok: false, reason: 'an estimate is a positive number' };
  const num = readNumber(s);
  if (num === null) return { ok: false, reason: 'start with a number, such as 35k/s or 100 GB' };
  if ('reason' in num) return { ok: false, reason: num.reason };
  let { value, rest } = num;
  let kind: Quantity['kind'] = 'count';
  let per: Per | null = null;
  let multiplied = false;
  let sawWord = false;

  const take = (re: RegExp) => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };

  for (;;) {
    rest = rest.trimStart();
    if (rest === '') break;
    if (/^(?:[-–—]|to\s)\s*\d/.test(rest))
      return { ok: false, reason: 'give one number, not a range' };
    if (/^[0-9]/.test(rest)) return { ok: false, reason: 'give one number' };
    if (/^%/.test(rest)) return { ok: false, reason: 'a percentage is not a count or a size' };
    // Bits (Gb, Mbps, bits) are a common slip for bytes and are 8× off: refuse them.
    if (/^(?:[KMGTP]b(?:ps)?|[kmgtp]?bps|bits?)(?![a-zA-Z])/.test(rest))
      return { ok: false, reason: 'bits are not supported: write bytes (GB, not Gb)' };
    if (per === null && kind === 'count' && !sawWord) {
      const bytes = take(/^(k|m|g|t|p)(i)?b(ps)?(?![a-zA-Z])/i);
      if (bytes) {
        value *= BYTE_PREFIX[`${bytes[1]!.toLowerCase()}${bytes[2] ? 'i' : ''}`]!;
        kind = 'bytes';
        if (bytes[3]) per = 's';
        continue;
      }
      if (take(/^B(?![a-zA-Z])/) || take(/^bytes?(?![a-zA-Z])/i)) {
        kind = 'bytes';
        continue;
      }
      if (!multiplied) {
        const mult = MULTIPLIERS.find(([re]) => re.test(rest));
        if (mult) {
          take(mult[0]);
          value *= mult[1];
          multiplied = true;
          continue;
        }
      }
    }
    if (per === null) {
      const rate =
        take(/^(?:\/|per\s+|an?\s+)\s*([a-z]+)(?![a-z])/i) ?? take(/^(qps|rps|tps)(?![a-z])/i);
      if (rate) {
        const word = rate[1]!;
        const p = /^(?:qps|rps|tps)$/i.test(word) ? 's' : perOf(word);
        if (!p)
          return {
            ok: false,
            reason: `"${rate[0].trim()}" is not a rate (per second, minute, hour, day or month)`,
          };
        per = p;
        continue;
      }
      const adverb = take(/^(hourly|daily|monthly)(?![a-z])/i);
      if (adverb) {
        per = { hourly: 'h', daily: 'day', monthly: 'month' }[adverb[1]!.toLowerCase()] as Per;
        continue;
      }
    }
    const word = take(/^[A-Za-z][A-Za-z'-]*/);
    if (word) {
      if (per === null && TIME_WORD.test(word[0]))
        return {
          ok: false,
          reason: `"${word[0]}" is a duration: write a count or a size, or a rate such as "per ${perWordFor(word[0])}"`,
        };
      sawWord = true;
      continue;
    }
    return { ok: false, reason: `cannot read "${rest.slice(0, 12)}"` };
  }
  if (!(value > 0) || !Number.isFinite(value))
    return { ok: false, reason: 'an estimate is a positive number' };
  return { ok: true, value, kind, per };
}

function perWordFor(word: string): string {
  const p = perOf(word);
  return p ? PER_WORD[p] : 'second';
}

export function unitOf(unit: EstimateUnit): { kind: Quantity['kind']; per: Per | null } {
  const [kind, per] = unit.split('/') as ['count' | 'bytes', string | undefined];
  return { kind, per: per ? (perOf(per) as Per) : null };
}

export type Judgement =
  | { verdict: 'missing' }
  | { verdict: 'unreadable'; reason: string }
  | { verdict: 'wrong-unit'; reason: string }
  | {
      verdict: 'within' | 'off';
      /** The entry in the reference's unit. */
      value: number;
      /** entry / reference. */
      ratio: number;
    };

/** An entry judged against the reference: within `factor` either way counts as right. */
export function judgeEstimate(
  text: string | undefined,
  reference: number,
  unit: EstimateUnit,
  factor: number,
): Judgement {
  if (!text || text.trim() === '') return { verdict: 'missing' };
  const q = parseEstimate(text);
  if (!q.ok) return { verdict: 'unreadable', reason: q.reason };
  const want = unitOf(unit);
  if (q.kind !== want.kind)
    return {
      verdict: 'wrong-unit',
      reason: `asked for ${want.kind === 'bytes' ? 'a size in bytes' : 'a count'}, this reads as ${q.kind === 'bytes' ? 'bytes' : 'a count'}`,
    };
  if ((q.per === null) !== (want.per === null))
    return {
      verdict: 'wrong-unit',
      reason:
        want.per === null
          ? 'asked for a total, this reads as a rate'
          : `asked for a rate (per ${PER_WORD[want.per]}), this reads as a total`,
    };
  const value =
    q.per && want.per ? (q.value / PER_SECONDS[q.per]) * PER_SECONDS[want.per] : q.value;
  const ratio = value / reference;
  return { verdict: ratio <= factor && ratio >= 1 / factor ? 'within' : 'off', value, ratio };
}

/** 3 significant figures, without trailing zeros: 34722 → "34.7", 1200 → "1.2". */
function sig(v: number): string {
  if (v >= 100) return String(Math.round(v));
  return String(Number(v.toPrecision(3)));
}

export function formatCount(v: number): string {
  const steps: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'bn'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of steps) if (v >= size) return `${sig(v / size)}${suffix}`;
  return sig(v);
}

export function formatBytes(v: number): string {
  const steps: [number, string][] = [
    [1e15, 'PB'],
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'KB'],
  ];
  for (const [size, suffix] of steps) if (v >= size) return `${sig(v / size)} ${suffix}`;
  return `${sig(v)} B`;
}

/** "34.7k requests/s", "102 GB", "1.2bn requests/day". */
export function formatQuantity(value: number, unit: EstimateUnit, noun?: string): string {
  const { kind, per } = unitOf(unit);
  const rate = per ? `/${per}` : '';
  if (kind === 'bytes') return `${formatBytes(value)}${rate}`;
  return `${formatCount(value)}${noun ? ` ${noun}` : ''}${rate}`;
}

/** What an entry reads as, in words, for feedback while typing. */
export function describeQuantity(q: Quantity): string {
  const amount =
    q.kind === 'bytes'
      ? `${formatBytes(q.value)} (${Math.round(q.value).toLocaleString('en-US')} bytes)`
      : Math.abs(q.value) >= 1e4
        ? `${formatCount(q.value)} (${Math.round(q.value).toLocaleString('en-US')})`
        : sig(q.value);
  return q.per ? `${amount} per ${PER_WORD[q.per]}` : amount;
}
