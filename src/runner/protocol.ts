// Messages between the page and the Python worker.
import type { HarnessReport, HarnessRequest } from './suite';

export type ToWorker =
  | { type: 'init'; indexURL: string; interruptBuffer: SharedArrayBuffer | null }
  | { type: 'run'; id: number; request: HarnessRequest };

export type FromWorker =
  | {
      type: 'ready';
      ms: number;
      isolated: boolean;
      leftGlobals: string[];
      /** Started from the snapshot of an earlier start (see SnapshotStore). */
      restored?: boolean;
    }
  | { type: 'init-failed'; message: string }
  | { type: 'result'; id: number; report: HarnessReport; ms: number }
  | { type: 'interrupted'; id: number }
  | { type: 'failed'; id: number; message: string; fatal: boolean };
