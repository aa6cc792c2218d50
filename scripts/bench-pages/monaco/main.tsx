// Only Monaco through @monaco-editor/react, with the app's own trimmed Monaco (one worker, Python
// grammar): the floor for the coding round's editor.
import Editor, { loader } from '@monaco-editor/react';
import { createRoot } from 'react-dom/client';
import { monaco } from '../../../src/kinds/coding/monaco';

loader.config({ monaco });

createRoot(document.getElementById('root')!).render(
  <Editor
    height="26rem"
    defaultLanguage="python"
    defaultValue={'def f(x):\n    return x\n'}
    options={{ minimap: { enabled: false } }}
  />,
);
