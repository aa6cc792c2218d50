// Measures the deep-dive round's recording in Debian's Chromium with its fake microphone:
// recording size per minute (Opus), the main-thread cost of storing each one-second piece while
// typing, long tasks meanwhile, the time from opening scoring to a recording ready to play,
// and the entry bundle of the build.
//
//   MOCKLOOP_OUT=/tmp/out npx vite build --configLoader runner
//   MOCKLOOP_OUT=/tmp/out npx tsx scripts/measure-recording.ts [--seconds 180] [--port 4196] [--json]
//   npx tsx scripts/measure-recording.ts --bundle-only <build dir>    (entry bundle sizes only)
//
// It serves the build with `vite preview` on its own port and stops it when done.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunch } from '../chromium.config';
import { serve } from './bench/env';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const json = process.argv.includes('--json');
const OUT = resolve(process.env.MOCKLOOP_OUT ?? join(ROOT, 'dist'));
const SECONDS = Number(arg('--seconds', '180'));
const PORT = Number(arg('--port', '4196'));
const RELOADS = 5;
/** Type without recording, to tell the recorder's cost from the typing's. */
const NO_RECORD = process.argv.includes('--no-record');
const log = (s: string) => json || process.stderr.write(`${s}\n`);

type Row = { metric: string; value: number; unit: string; target?: string; note?: string };
const rows: Row[] = [];
const add = (metric: string, value: number, unit: string, target?: string, note?: string) =>
  rows.push({ metric, value: Math.round(value * 100) / 100, unit, target, note });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** JS and CSS that index.html loads before anything else, raw and gzipped (bytes). */
export function entryBundle(dir: string): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [
    ...new Set(
      [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
    ),
  ];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gzip += gzipSync(buf).length;
  }
  return { raw, gzip, files };
}

function print() {
  if (json) {
    process.stdout.write(`${JSON.stringify({ rows })}\n`);
    return;
  }
  const w = Math.max(...rows.map((r) => r.metric.length));
  for (const r of rows)
    process.stdout.write(
      `${r.metric.padEnd(w)}  ${String(r.value).padStart(9)} ${r.unit.padEnd(7)}${r.target ? ` target ${r.target}` : ''}${r.note ? `  (${r.note})` : ''}\n`,
    );
}

if (process.argv.includes('--bundle-only')) {
  const dir = resolve(arg('--bundle-only', OUT));
  const b = entryBundle(dir);
  add(
    'entry bundle',
    b.raw / 1024,
    'KB',
    undefined,
    `${(b.gzip / 1024).toFixed(1)} KB gzip, ${b.files.length} files`,
  );
  add('entry bundle gzip', b.gzip / 1024, 'KB');
  print();
  process.exit(0);
}

/** The round's stored pieces, read from IndexedDB in the page. */
function storedPieces(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ clip: string; size: number; at: number; type: string }[]>((ok, fail) => {
        const req = indexedDB.open('mockloop');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('media').objectStore('media').getAll();
          all.onsuccess = () => {
            req.result.close();
            ok(
              (all.result as { clip: string; blob: Blob; at: number; mimeType: string }[]).map(
                (m) => ({ clip: m.clip, size: m.blob.size, at: m.at, type: m.mimeType }),
              ),
            );
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

async function main() {
  const bundle = entryBundle(OUT);
  add(
    'entry bundle (JS + CSS index.html loads)',
    bundle.raw / 1024,
    'KB',
    undefined,
    `${(bundle.gzip / 1024).toFixed(1)} KB gzip`,
  );

  const stop = await serve(ROOT, [], PORT, { MOCKLOOP_OUT: OUT });
  const browser = await chromium.launch({
    ...chromiumLaunch,
    args: [
      ...chromiumLaunch.args,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  try {
    const ctx = await browser.newContext({ baseURL: `http://localhost:${PORT}/` });
    await ctx.addInitScript(() => {
      const w = window as unknown as { __long: [number, number][] };
      w.__long = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // no long-task timing here
      }
    });
    const page = await ctx.newPage();
    log('opening a production story…');
    await page.goto('/#/practice/deep-dive/production-story');
    await page.getByLabel('Title').fill('Bench system');
    await page.getByRole('button', { name: 'Save and present it' }).click();
    await page.getByRole('button', { name: 'Done presenting: first question' }).click();
    const box = page.getByRole('textbox', { name: 'Your answer to question 1' });

    const t0 = await page.evaluate(() => {
      performance.clearMeasures('deep-dive:piece');
      (window as unknown as { __long: [number, number][] }).__long = [];
      return performance.now();
    });
    log(`recording ${SECONDS} s while typing…`);
    if (!NO_RECORD) {
      await page.getByRole('button', { name: 'Record question 1' }).click();
      await page.getByRole('button', { name: 'Stop recording question 1' }).waitFor();
    }
    const started = Date.now();
    await box.click();
    // Typing the whole time: a key every 120 ms, as a fast typist.
    const sentence = 'p99 stayed under 40 ms at 12k QPS while the model rolled out. ';
    while (Date.now() - started < SECONDS * 1000) {
      await page.keyboard.type(sentence, { delay: 120 });
    }
    if (NO_RECORD) {
      const longs = await page.evaluate(
        () => (window as unknown as { __long: [number, number][] }).__long,
      );
      add(
        'long tasks (> 50 ms) while typing, not recording',
        longs.length,
        'count',
        undefined,
        longs.length ? `longest ${Math.max(...longs.map(([, d]) => d)).toFixed(0)} ms` : undefined,
      );
      print();
      return;
    }
    await page.getByRole('button', { name: 'Stop recording question 1' }).click();
    await page.waitForTimeout(1500); // the last piece and its save
    const pieceMs = await page.evaluate(() =>
      performance.getEntriesByName('deep-dive:piece').map((e) => e.duration),
    );
    const longs = await page.evaluate(
      () => (window as unknown as { __long: [number, number][] }).__long,
    );
    // The first second holds the microphone opening and the recorder starting, not the steady state.
    const long = longs.filter(([at]) => at - t0 > 1500).map(([, d]) => d);
    const startLong = longs.filter(([at]) => at - t0 <= 1500).map(([, d]) => d);
    const pieces = await storedPieces(page);
    const bytes = pieces.reduce((n, p) => n + p.size, 0);
    const clipMs =
      Math.max(...pieces.map((p) => p.at)) - Math.min(...pieces.map((p) => p.at)) + 1000;
    add(
      'recording size per minute (Opus, fake mic)',
      bytes / 1024 / 1024 / (clipMs / 60_000),
      'MB/min',
      '≤ 1',
      `${pieces.length} pieces, ${(bytes / 1024).toFixed(0)} KB, ${pieces[0]?.type}`,
    );
    add(
      'main thread per stored piece, median',
      median(pieceMs),
      'ms',
      '≤ 50',
      `${pieceMs.length} pieces`,
    );
    add('main thread per stored piece, max', Math.max(...pieceMs), 'ms', '≤ 50');
    add(
      'long tasks (> 50 ms) while recording and typing',
      long.length,
      'count',
      undefined,
      [
        long.length ? `longest ${Math.max(...long).toFixed(0)} ms` : '',
        startLong.length
          ? `${startLong.length} more as the microphone opened (${startLong.map((d) => d.toFixed(0)).join(', ')} ms)`
          : '',
      ]
        .filter(Boolean)
        .join('; ') || undefined,
    );

    log('opening scoring…');
    await page.getByRole('button', { name: "I'm done" }).click();
    await page.getByRole('button', { name: 'End round and score' }).click();
    const ready: number[] = [];
    for (let i = 0; i < RELOADS; i++) {
      if (i > 0) await page.reload();
      const h = await page.waitForFunction(
        () => {
          const a = performance.getEntriesByName('deep-dive:list-start').at(-1);
          const b = performance.getEntriesByName('deep-dive:playable').at(-1);
          return a && b && b.startTime >= a.startTime ? b.startTime - a.startTime : null;
        },
        undefined,
        { timeout: 30_000, polling: 50 },
      );
      ready.push((await h.jsonValue()) as number);
    }
    add(
      `scoring: a ${Math.round(clipMs / 1000)} s recording ready to play, median`,
      median(ready),
      'ms',
      '≤ 200',
      `list from IndexedDB → one Blob → <audio> metadata; ${RELOADS} loads, max ${Math.max(...ready).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    stop();
  }
  print();
}

await main();
