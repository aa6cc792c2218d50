// Only Excalidraw, from the same package and with its own stylesheet: the floor for the system
// design round's board. Ready is judged as the round judges it: Excalidraw has handed over its
// API and laid out one frame (data-state="ready" on the host).
import '@excalidraw/excalidraw/index.css';
import { Excalidraw } from '@excalidraw/excalidraw';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function Page() {
  const [ready, setReady] = useState(false);
  return (
    <div data-state={ready ? 'ready' : 'loading'} className="board" style={{ height: '40rem' }}>
      <Excalidraw
        excalidrawAPI={() => requestAnimationFrame(() => setReady(true))}
        aiEnabled={false}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
