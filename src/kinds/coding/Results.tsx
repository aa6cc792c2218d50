import { memo } from 'react';
// What a Run or Submit found, per test: pass or fail, the input, expected vs got with the
// exact places that differ and the tolerance used, printed output, time, and tracebacks in
// the person's own line numbers.
import { formatValue } from '../../domain/pyvalue';
import type { RunOutcome } from '../../runner/client';
import { type TestResult, tally } from '../../runner/suite';
import { CodeBlock } from '../../ui/CodeBlock';
import type { RunMode } from './requests';

export interface ShownRun {
  mode: RunMode;
  outcome: RunOutcome;
  entry: string;
}

/** Memoised: the round re-renders on every keystroke, the results only on a new run. */
export const Results = memo(function Results({ run }: { run: ShownRun | null }) {
  if (!run) {
    return (
      <p className="muted">
        Run (Ctrl+Enter) checks the examples; Submit (Ctrl+Shift+Enter) runs every test, hidden ones
        included.
      </p>
    );
  }
  const { outcome } = run;
  if (outcome.kind === 'stopped') {
    const partial = outcome.report;
    const stoppedIn = partial?.results.find((r) => r.stopped);
    return (
      <div className="results">
        <p className="result-summary fail" role="status">
          Stopped after {outcome.afterMs / 1000} s. Your code may loop forever or be far too slow.{' '}
          {outcome.how === 'restart' ? 'Python was restarted; the' : 'The'} next Run works as usual.
        </p>
        {partial && (
          <>
            {stoppedIn && (
              <p>
                It was in {stoppedIn.scale ? 'scale test' : 'test'} {stoppedIn.name}
                {partial.results.length > 1
                  ? `, after ${partial.results.length - 1} finished (${partial.results.filter((r) => r.passed).length} passed).`
                  : '.'}
              </p>
            )}
            {partial.stdoutTruncated && <p className="warn">Printed output was cut at 100 kB.</p>}
            {partial.stdout && <Output text={partial.stdout} truncated={false} />}
            <ol className="test-list">
              {partial.results.map((r) => (
                <TestRow key={r.name} r={r} entry={run.entry} />
              ))}
            </ol>
          </>
        )}
      </div>
    );
  }
  if (outcome.kind === 'crashed') {
    return (
      <div className="results" role="status">
        <p className="result-summary fail">
          Python failed while running your code: {outcome.message}
        </p>
        <p className="muted">A fresh Python is starting; your code is untouched.</p>
      </div>
    );
  }
  const report = outcome.report;
  if (!report.compiled) {
    return (
      <div className="results" role="status">
        <p className="result-summary fail">Your code does not run: {report.error?.type}</p>
        <CodeBlock className="traceback">{report.error?.traceback}</CodeBlock>
        {report.stdout && <Output text={report.stdout} truncated={report.stdoutTruncated} />}
      </div>
    );
  }
  const t = tally(report);
  const label = run.mode === 'run' ? 'examples' : 'tests';
  return (
    <div className="results">
      <p className={`result-summary ${t.passed === t.total ? 'pass' : 'fail'}`} role="status">
        {t.passed} of {t.total} {label} passed
        {run.mode === 'submit' &&
          ` (visible ${t.visiblePassed}/${t.visibleTotal}, hidden ${t.hiddenPassed}/${t.hiddenTotal}${t.scaleTotal ? `, scale ${t.scalePassed}/${t.scaleTotal}` : ''})`}
        <span className="muted"> · {Math.round(outcome.ms)} ms</span>
      </p>
      {report.stdoutTruncated && <p className="warn">Printed output was cut at 100 kB.</p>}
      {report.stdout && <Output text={report.stdout} truncated={false} />}
      <ol className="test-list">
        {[...report.results]
          .sort((a, b) => Number(a.passed) - Number(b.passed))
          .map((r) => (
            <TestRow key={r.name} r={r} entry={run.entry} />
          ))}
      </ol>
    </div>
  );
});

function TestRow({ r, entry }: { r: TestResult; entry: string }) {
  const kind = r.scale ? 'scale' : r.visible ? 'example' : 'hidden';
  return (
    <li className={`test ${r.passed ? 'pass' : 'fail'}`}>
      <details open={(!r.passed && r.visible) || r.stopped}>
        <summary>
          <span className="test-mark" aria-hidden="true">
            {r.passed ? '✓' : '✗'}
          </span>{' '}
          <span className="visually-hidden">{r.passed ? 'passed' : 'failed'}: </span>
          {r.name}{' '}
          <span className="muted">
            ({kind}
            {r.ms !== undefined ? `, ${r.ms < 1 ? '<1' : Math.round(r.ms)} ms` : ''})
          </span>
        </summary>
        <div className="test-body">
          {r.input !== undefined && (
            <div>
              <span className="label">Input</span>
              <CodeBlock>
                {r.scale
                  ? formatValue(r.input)
                  : Array.isArray(r.input)
                    ? `${entry}(${(r.input as unknown[]).map((x) => formatValue(x)).join(', ')})`
                    : formatValue(r.input)}
              </CodeBlock>
            </div>
          )}
          {r.stopped ? (
            <p className="muted small">Stopped here at the time limit.</p>
          ) : r.error ? (
            <div>
              <span className="label">Error</span>
              <CodeBlock className="traceback">{r.error.traceback}</CodeBlock>
            </div>
          ) : (
            !r.passed && (
              <div className="diff">
                <div>
                  <span className="label">Expected</span>
                  <CodeBlock>{formatValue(r.expected)}</CodeBlock>
                </div>
                <div>
                  <span className="label">Got</span>
                  <CodeBlock>{formatValue(r.got)}</CodeBlock>
                </div>
              </div>
            )
          )}
          {(r.mismatches?.length ?? 0) > 0 && (
            <ul className="mismatches">
              {r.mismatches!.map((m) => (
                <li key={m.path + m.message}>{m.message}</li>
              ))}
            </ul>
          )}
          {r.tolerance && !r.passed && (
            <p className="muted small">
              {`Numbers match when |got − expected| ≤ max(${tol(r.tolerance.rel)} × |expected|, ${tol(r.tolerance.abs)}); tuples equal lists.`}
            </p>
          )}
          {r.budgetMs !== undefined && (
            <p className="muted small">
              Budget {Math.round(r.budgetMs)} ms (the reference took{' '}
              {Math.round(r.referenceMs ?? 0)} ms here).
            </p>
          )}
          {r.stdout && <Output text={r.stdout} truncated={false} />}
        </div>
      </details>
    </li>
  );
}

function Output({ text, truncated }: { text: string; truncated: boolean }) {
  return (
    <div>
      <span className="label">Printed</span>
      <CodeBlock className="stdout">
        {text}
        {truncated ? '\n… (cut at 100 kB)' : ''}
      </CodeBlock>
    </div>
  );
}

/** 1e-6 rather than 0.000001. */
function tol(x: number): string {
  return x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential().replace('e-', 'e−') : String(x);
}
