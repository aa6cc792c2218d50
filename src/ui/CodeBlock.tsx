import type { ReactNode } from 'react';

/** Preformatted code or output that may scroll sideways, so it is reachable by keyboard. */
export function CodeBlock({ className, children }: { className?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling block must take focus to be scrolled by keyboard
    <pre className={className} tabIndex={0}>
      {children}
    </pre>
  );
}
