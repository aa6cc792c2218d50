// One tab writes a given session. The owner holds a Web Lock named after the session; another
// tab that opens it reads it but does not write, and may take over: it asks the owner (over a
// BroadcastChannel) to save what it has and step aside, then takes the lock.

export type Ownership = 'owner' | 'elsewhere' | 'lost';

export interface TabGuard {
  /** Try to own the session. Resolves to owner or elsewhere. */
  claim(sessionId: string, hooks: GuardHooks): Promise<Ownership>;
  /** Ask the owner to step aside, then own it. */
  takeOver(sessionId: string, hooks: GuardHooks): Promise<Ownership>;
  release(): void;
  /** The owner saved: tabs following this session read it again. */
  announceSaved?(sessionId: string): void;
}

export interface GuardHooks {
  /** Save everything now: another tab is taking over. */
  flush(): Promise<unknown>;
  /** This tab no longer owns the session. */
  onLost(): void;
  /** The owning tab saved this session (called in tabs that follow it read-only). */
  onSaved?(): void;
}

const CHANNEL = 'mockloop-tabs';
const lockName = (id: string) => `mockloop-session-${id}`;

export function createTabGuard(): TabGuard {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
  let held: { id: string; release: () => void; hooks: GuardHooks } | null = null;
  /** The session this tab shows without owning it, to follow the owner's saves. */
  let watching: { id: string; hooks: GuardHooks } | null = null;

  channel?.addEventListener('message', (ev: MessageEvent) => {
    const msg = ev.data as { type: string; sessionId: string };
    if (msg?.type === 'saved' && watching?.id === msg.sessionId && held?.id !== msg.sessionId) {
      watching.hooks.onSaved?.();
      return;
    }
    if (msg?.type === 'takeover' && held?.id === msg.sessionId) {
      const mine = held;
      void mine.hooks.flush().finally(() => {
        if (held !== mine) return;
        held = null;
        watching = { id: mine.id, hooks: mine.hooks };
        mine.hooks.onLost();
        mine.release();
        channel.postMessage({ type: 'released', sessionId: msg.sessionId });
      });
    }
  });

  function acquire(
    sessionId: string,
    hooks: GuardHooks,
    mode: 'try' | 'steal',
  ): Promise<Ownership> {
    if (!locks) {
      held = { id: sessionId, release: () => {}, hooks };
      return Promise.resolve('owner');
    }
    return new Promise((resolve) => {
      let release: () => void = () => {};
      const releasePromise = new Promise<void>((r) => {
        release = r;
      });
      const options: LockOptions = mode === 'steal' ? { steal: true } : { ifAvailable: true };
      locks
        .request(lockName(sessionId), options, async (lock) => {
          if (!lock) {
            watching = { id: sessionId, hooks };
            resolve('elsewhere');
            return;
          }
          held = { id: sessionId, release, hooks };
          resolve('owner');
          await releasePromise;
        })
        .catch(() => {
          // Our lock was stolen: another tab took over without waiting for us.
          if (held?.id === sessionId) {
            const lost = held;
            held = null;
            watching = { id: lost.id, hooks: lost.hooks };
            lost.hooks.onLost();
          }
        });
    });
  }

  return {
    claim(sessionId, hooks) {
      if (held?.id === sessionId) return Promise.resolve('owner');
      this.release();
      return acquire(sessionId, hooks, 'try');
    },
    async takeOver(sessionId, hooks) {
      this.release();
      if (channel && locks) {
        const released = new Promise<void>((resolve) => {
          const onMessage = (ev: MessageEvent) => {
            if (ev.data?.type === 'released' && ev.data.sessionId === sessionId) {
              channel.removeEventListener('message', onMessage);
              resolve();
            }
          };
          channel.addEventListener('message', onMessage);
          setTimeout(resolve, 1500); // an owner that does not answer (frozen) loses the lock anyway
        });
        channel.postMessage({ type: 'takeover', sessionId });
        await released;
        const got = await acquire(sessionId, hooks, 'try');
        if (got === 'owner') return got;
      }
      return acquire(sessionId, hooks, 'steal');
    },
    announceSaved(sessionId) {
      if (held?.id === sessionId) channel?.postMessage({ type: 'saved', sessionId });
    },
    release() {
      watching = null;
      if (!held) return;
      const h = held;
      held = null;
      h.release();
    },
  };
}
