// Cancellation for the service's own background work (indexing), and waiting on that work
// from a request that may itself be cancelled.
import type { Cancellation } from './file-access.ts';

/** For work nobody cancels: a CLI run, a test. */
export const NEVER_CANCELLED: Cancellation = { isCancellationRequested: false };

export interface CancellationSource {
  readonly token: Cancellation;
  cancel(): void;
}

export function createCancellationSource(): CancellationSource {
  let cancelled = false;
  const listeners = new Set<() => void>();
  return {
    token: {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested(listener) {
        if (cancelled) {
          listener();
          return { dispose() {} };
        }
        listeners.add(listener);
        return { dispose: () => listeners.delete(listener) };
      },
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      for (const listener of listeners) listener();
      listeners.clear();
    },
  };
}

/** Resolves with the work's result, or with undefined as soon as the token is cancelled. */
export function unlessCancelled<T>(work: Promise<T>, token: Cancellation | undefined): Promise<T | undefined> {
  if (!token) return work;
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  if (!token.onCancellationRequested) return work;
  return new Promise<T | undefined>((resolve, reject) => {
    const subscription = token.onCancellationRequested!(() => resolve(undefined));
    work.then(
      (value) => {
        subscription.dispose();
        resolve(value);
      },
      (error: unknown) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}
