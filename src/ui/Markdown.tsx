import './math-style';
import { memo, useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** Renders trusted structure from untrusted text: HTML in the source is escaped (see markdown.ts). */
export const Markdown = memo(function Markdown({
  source,
  className,
}: {
  source: string;
  className?: string;
}) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div
      className={`markdown ${className ?? ''}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes raw HTML and unsafe links
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
});
