import { Limiter } from './limiter';
import type { LimiterSettings } from './types';

/** The limiter of each node run, keyed by an object all its items share (its execution data). */
const limiters = new WeakMap<object, Limiter>();

/**
 * The run's limiter, made with `settings` by the first item that asks; later items get the same one
 * whatever settings they pass (a function is called only then, so reading them costs the others nothing).
 * Without a key (no execution data), a limiter for this call alone. `cancelSignal` is the execution's
 * (n8n's getExecutionCancelSignal): once it aborts, the limiter sends nothing more (Limiter.cancel).
 */
export function limiterForRun(
	runKey: object | undefined,
	settings?: LimiterSettings | (() => LimiterSettings),
	cancelSignal?: AbortSignal,
): Limiter {
	const make = () => {
		const limiter = new Limiter(typeof settings === 'function' ? settings() : settings);
		if (cancelSignal?.aborted) limiter.cancel();
		else cancelSignal?.addEventListener('abort', () => limiter.cancel(), { once: true });
		return limiter;
	};
	if (!runKey) return make();
	let limiter = limiters.get(runKey);
	if (!limiter) {
		limiter = make();
		limiters.set(runKey, limiter);
	}
	return limiter;
}
