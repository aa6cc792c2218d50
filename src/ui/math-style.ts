// KaTeX's stylesheet (and through it its fonts), imported by the browser code that shows math
// (the Markdown component, each kind's views), so it arrives with that code and not on home.
// Never imported by what Node also loads (ui/markdown.ts, a kind's render and check code):
// Node cannot load a stylesheet.
import 'katex/dist/katex.min.css';
