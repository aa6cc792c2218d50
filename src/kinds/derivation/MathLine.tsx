// A line of LaTeX rendered by KaTeX, or KaTeX's own message with the position marked in the
// source. The HTML is KaTeX's output for untrusted input with trust off (see render.ts).
import { memo, useMemo } from 'react';
import { type Rendered, renderStep } from './render';

export const MathLine = memo(function MathLine({
  tex,
  errorId,
  className,
}: {
  tex: string;
  /** id of the error text, for the input's aria-describedby. */
  errorId?: string;
  className?: string;
}) {
  const r = useMemo(() => renderStep(tex), [tex]);
  return <RenderedMath result={r} tex={tex} errorId={errorId} className={className} />;
});

/** What renderStep gave for `tex`: the HTML, or the message with the position marked. */
export function RenderedMath({
  result: r,
  tex,
  errorId,
  className,
}: {
  result: Rendered;
  tex: string;
  errorId?: string;
  className?: string;
}) {
  if (r.ok) {
    return (
      <span
        className={`drv-math ${className ?? ''}`}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, trust off, no raw HTML (render.ts)
        dangerouslySetInnerHTML={{ __html: r.html }}
      />
    );
  }
  if (r.tooLong)
    return (
      <span className="drv-error" id={errorId}>
        {r.message}
      </span>
    );
  return <SourceError source={tex} message={r.message} position={r.position} id={errorId} />;
}

/** A message about a source, with the character at `position` marked (a window of it if long). */
export function SourceError({
  source,
  message,
  position,
  id,
  label = 'LaTeX error',
}: {
  source: string;
  message: string;
  position: number | null;
  id?: string;
  label?: string;
}) {
  const where = position === null ? '' : ` at position ${position}`;
  let excerpt: React.ReactNode = null;
  if (position !== null && position <= source.length) {
    const from = Math.max(0, position - 30);
    const to = Math.min(source.length, position + 30);
    excerpt = (
      <code className="drv-source" aria-hidden="true">
        {from > 0 ? '…' : ''}
        {source.slice(from, position)}
        <mark>{source[position] ?? ' '}</mark>
        {source.slice(position + 1, to)}
        {to < source.length ? '…' : ''}
      </code>
    );
  }
  return (
    <span className="drv-error" id={id}>
      <span>
        {label}
        {where}: {message}
      </span>
      {excerpt}
    </span>
  );
}
