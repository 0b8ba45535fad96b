// Copies what tsc does not: the node and credential icons. Runs after `tsc` in `npm run build`.
// The codex files (*.node.json) reach dist/ through tsc itself (resolveJsonModule + include nodes/**/*.json).
const { src, dest, series } = require('gulp');

function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.build = series(copyIcons, copyCodex);
exports.default = exports.build;
