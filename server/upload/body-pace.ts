/**
 * A watchdog on the pace of a request body: a body that does not arrive within a deadline, or arrives slower
 * than a minimum rate, is broken off. Without it, a client sending 100 bytes every two seconds holds an upload
 * slot for minutes, and four such clients hold them all.
 */
import { AppError } from '../../ingest/index.js';

/** How fast an upload body must arrive. */
export interface BodyPace {
  /** The whole body must be in within this many milliseconds. */
  timeoutMs: number;
  /** Average bytes per second since the start, checked once the grace period is over; 0 checks no rate. */
  minBytesPerSecond: number;
  /** Time before the rate counts (start-up of a connection, a slow first packet); default 5 s. */
  graceMs?: number;
  now?: () => number;
}

/** A running watchdog: `received` reports progress, `stop` ends the watch; `failure` is set once it fired. */
export interface PaceWatch {
  received(bytes: number): void;
  /** The reason the body was broken off, or undefined while it keeps pace. */
  readonly failure: AppError | undefined;
  stop(): void;
}

const CHECK_EVERY_MS = 250;
const DEFAULT_GRACE_MS = 5_000;

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
}

function slowMessage(pace: BodyPace): string {
  const kilobytes = (pace.minBytesPerSecond / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `De upload kwam te langzaam binnen (minder dan ${kilobytes} kB per seconde) en is afgebroken; probeer het opnieuw over een snellere verbinding.`;
}

/** Watches a body from now; calls `onBreak` once (to cancel the read) when it falls behind the pace. */
export function watchPace(pace: BodyPace, onBreak: () => void): PaceWatch {
  const now = pace.now ?? Date.now;
  const started = now();
  const grace = pace.graceMs ?? DEFAULT_GRACE_MS;
  let bytes = 0;
  let failure: AppError | undefined;
  const check = () => {
    const elapsed = now() - started;
    if (elapsed > pace.timeoutMs) {
      failure = new AppError('request_timeout', `De upload duurde langer dan ${seconds(pace.timeoutMs)} seconden en is afgebroken.`);
    } else if (pace.minBytesPerSecond > 0 && elapsed > grace && bytes < (pace.minBytesPerSecond * elapsed) / 1000) {
      failure = new AppError('request_timeout', slowMessage(pace));
    }
    if (!failure) return;
    clearInterval(timer);
    onBreak();
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  return {
    received: (count) => void (bytes += count),
    get failure() {
      return failure;
    },
    stop: () => clearInterval(timer),
  };
}
