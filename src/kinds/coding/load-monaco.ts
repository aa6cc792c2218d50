// Monaco's chunk as the editor asks for it: held until it loads and shared by every editor; a
// failed load stays failed (so the round shows the message, not "Loading…" for ever) until
// Loadable's Retry drops it and the editor imports again.
import { holdUntilRetry } from '../../ui/Loadable';

const MONACO = {};

export const loadMonaco = () => holdUntilRetry(MONACO, 'monaco', () => import('./monaco'));
