// "Try your own input": arguments typed as Python literals, one per line, run through the
// person's code (and the reference, where it may be seen) under the same limit as Run.
import { useId, useState } from 'react';
import { formatValue, sameValue } from '../../domain/pyvalue';
import { python } from '../../runner/client';
import { CodeBlock } from '../../ui/CodeBlock';
import {
  type CustomRunOutcome,
  type CustomSide,
  exampleInput,
  runCustom,
  takesSteps,
} from './custom';
import { RUN_LIMIT_MS } from './run-record';
import type { CodingTemplate } from './spec';
import './custom.css';

export interface CustomRunProps {
  template: CodingTemplate;
  /** The code to run, read when the person presses Try it. */
  getCode: () => string;
  disabled?: boolean;
  /** Practice mode or a round already over: the reference's answer may be shown. */
  withReference: boolean;
}

export function CustomRun({ template, getCode, disabled, withReference }: CustomRunProps) {
  const [text, setText] = useState(() => exampleInput(template));
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<CustomRunOutcome | null>(null);
  const id = useId();
  const steps = takesSteps(template);

  const tryIt = async () => {
    if (busy || disabled) return;
    setBusy(true);
    const runner = python();
    try {
      setShown(
        await runCustom(
          (r, ms) => runner.run(r, ms),
          template,
          getCode(),
          text,
          withReference,
          RUN_LIMIT_MS,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="custom-run" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Try your own input</h3>
      <label className="block" htmlFor={`${id}-in`}>
        {steps
          ? `Steps, one per line: first ["${template.entry}", [arguments]], then ["method", [arguments]]`
          : `Arguments to ${template.entry}, one Python literal per line`}
      </label>
      <textarea
        id={`${id}-in`}
        className="custom-input"
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        value={text}
        spellCheck={false}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+Enter here tries this input rather than running the examples.
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            void tryIt();
          }
        }}
        aria-describedby={`${id}-help`}
      />
      <p id={`${id}-help`} className="muted small">
        For example <code>[1.0, 2.0]</code> or <code>{"{'a': 1}"}</code>; a literal may go on over
        several lines inside brackets; <code>inf</code> and <code>nan</code> are allowed. Stops
        after {RUN_LIMIT_MS / 1000} s, like Run.
      </p>
      <button type="button" onClick={() => void tryIt()} disabled={disabled || busy}>
        {busy ? 'Trying…' : 'Try it'}
      </button>
      {shown && <CustomResult outcome={shown} template={template} />}
    </section>
  );
}

function CustomResult({
  outcome,
  template,
}: {
  outcome: CustomRunOutcome;
  template: CodingTemplate;
}) {
  const { mine, reference } = outcome;
  const steps = takesSteps(template);
  if (mine.kind === 'result' && mine.result.badInput) {
    return (
      <p className="result-summary fail" role="alert">
        Those arguments cannot be used: {mine.result.error?.message}
      </p>
    );
  }
  const agree =
    reference?.kind === 'result' &&
    mine.kind === 'result' &&
    !mine.result.error &&
    !reference.result.error &&
    sameValue(mine.result.got, reference.result.got, template.tolerance);
  return (
    <div className="custom-result" role="status">
      {reference && mine.kind === 'result' && reference.kind === 'result' && (
        <p className={`result-summary ${agree ? 'pass' : 'fail'}`}>
          {agree ? 'Same answer as the reference.' : 'Not the same as the reference.'}
        </p>
      )}
      <div className={reference ? 'diff' : undefined}>
        <Side title="Your code" side={mine} entry={template.entry} steps={steps} />
        {reference && (
          <Side title="Reference" side={reference} entry={template.entry} steps={steps} />
        )}
      </div>
    </div>
  );
}

/** softmax([1.0, 2.0]), or for a class one call per step: LRUCache(2), put(1, 10), … */
function callText(entry: string, input: unknown[], steps: boolean): string {
  const call = (name: string, args: unknown[]) =>
    `${name}(${args.map((x) => formatValue(x)).join(', ')})`;
  if (!steps) return call(entry, input);
  return (input as [string, unknown[]][]).map(([name, args]) => call(name, args)).join('\n');
}

function Side({
  title,
  side,
  entry,
  steps,
}: {
  title: string;
  side: CustomSide;
  entry: string;
  steps: boolean;
}) {
  if (side.kind === 'stopped') {
    return (
      <div>
        <span className="label">{title}</span>
        <p className="fail">
          Stopped after {side.afterMs / 1000} s. It may loop forever or be far too slow.
          {side.restarted ? ' Python was restarted.' : ''}
        </p>
        {side.stdout && <CodeBlock className="stdout">{side.stdout}</CodeBlock>}
      </div>
    );
  }
  if (side.kind === 'crashed') {
    return (
      <div>
        <span className="label">{title}</span>
        <p className="fail">Python failed: {side.message}</p>
      </div>
    );
  }
  if (side.kind === 'does-not-run') {
    return (
      <div>
        <span className="label">{title}</span>
        <p className="fail">Does not run: {side.type}</p>
        <CodeBlock className="traceback">{side.traceback}</CodeBlock>
      </div>
    );
  }
  const r = side.result;
  return (
    <div>
      <span className="label">{title}</span>
      {Array.isArray(r.input) && <CodeBlock>{callText(entry, r.input, steps)}</CodeBlock>}
      {r.error ? (
        <>
          <span className="label">Raised</span>
          <CodeBlock className="traceback">{r.error.traceback}</CodeBlock>
        </>
      ) : (
        <>
          <span className="label">Returned</span>
          <CodeBlock>{formatValue(r.got)}</CodeBlock>
        </>
      )}
      {r.stdout && (
        <>
          <span className="label">Printed</span>
          <CodeBlock className="stdout">
            {r.stdout}
            {side.stdoutTruncated ? '\n… (cut at 100 kB)' : ''}
          </CodeBlock>
        </>
      )}
    </div>
  );
}
