// The floor for the derivation round's editor: the same lines rendered by KaTeX alone, one input
// per line, a keystroke re-rendering that line only. ?n=200 for 200 lines.
import 'katex/dist/katex.min.css';
import katex from 'katex';
import { benchLines } from '../../bench/katex-lines';

const n = Number(new URLSearchParams(location.search).get('n') ?? 30);
const root = document.getElementById('root')!;
const list = document.createElement('ol');
list.className = 'drv-steps';
for (const [i, line] of benchLines(n).entries()) {
  const li = document.createElement('li');
  const input = document.createElement('input');
  input.className = 'drv-tex';
  input.setAttribute('aria-label', `Step ${i + 1}`);
  input.value = line;
  const out = document.createElement('div');
  out.className = 'drv-step-render';
  const render = () => {
    try {
      katex.render(input.value, out, {
        throwOnError: true,
        trust: false,
        maxExpand: 500,
        maxSize: 10,
      });
    } catch (e) {
      out.textContent = (e as Error).message;
    }
  };
  input.addEventListener('input', render);
  render();
  li.append(input, out);
  list.append(li);
}
root.append(list);
document.body.dataset.ready = '1';
