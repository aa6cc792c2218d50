// Node worker threads do not take TypeScript: register tsx, then load the real worker module.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
