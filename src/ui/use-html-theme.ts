// The app's theme as set on <html> (data-theme), followed as it changes: for third-party
// editors (Monaco, Excalidraw) that take a theme name rather than reading the page's CSS.
import { useEffect, useState } from 'react';

export type HtmlTheme = 'light' | 'dark';

export const htmlTheme = (): HtmlTheme =>
  document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';

export function useHtmlTheme(): HtmlTheme {
  const [theme, setTheme] = useState(htmlTheme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(htmlTheme()));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    return () => observer.disconnect();
  }, []);
  return theme;
}
