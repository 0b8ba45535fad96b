// @ts-check
/** Deterministic pseudo-random numbers (mulberry32), so seeded data and fault dice repeat run after run. */

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const DIGITS = '0123456789';

/**
 * A number seed is used as is; a string seed is hashed (FNV-1a) to 32 bits.
 * @param {number | string} seed
 */
function seedToInt(seed) {
	if (typeof seed === 'number' && Number.isFinite(seed)) return seed >>> 0;
	let hash = 0x811c9dc5;
	for (const char of String(seed)) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** @param {number | string} seed */
function createRandom(seed) {
	let a = seedToInt(seed);
	/** A float in [0, 1). */
	function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	/** @param {number} n an integer in [0, n) */
	function int(n) {
		return Math.floor(next() * n);
	}
	/**
	 * @param {number} length
	 * @param {string} [alphabet]
	 */
	function code(length, alphabet = LOWER_ALNUM) {
		// Built from char codes in one go: a flat string, not a rope of 21 concatenations (matters at 100k codes).
		const chars = new Array(length);
		for (let i = 0; i < length; i++) chars[i] = alphabet.charCodeAt(int(alphabet.length));
		return String.fromCharCode(...chars);
	}
	return { next, int, code };
}

/** @typedef {ReturnType<typeof createRandom>} Random */

module.exports = { createRandom, LOWER_ALNUM, UPPER_ALNUM, DIGITS };
