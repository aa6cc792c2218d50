// A blank React page: the floor for the app's home screen.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>Rehearse</h1>);
