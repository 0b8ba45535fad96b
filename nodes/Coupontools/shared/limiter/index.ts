/**
 * The run-wide request limiter (limiter.ts): what the node's request path uses of it. Everything here is
 * independent of Coupontools; the caller classifies its own faults.
 */
export { RunCancelledError, WaitBudgetExceededError } from './budget';
export type { LimiterClock } from './clock';
export { Limiter } from './limiter';
export { START_WINDOW } from './pace';
export { limiterForRun } from './registry';
export type { FaultClass, LimiterSettings, SendOptions } from './types';
export { DEFAULT_BUDGET_MS, DEFAULT_CEILING, MAX_ATTEMPTS } from './types';
