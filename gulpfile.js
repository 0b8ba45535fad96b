// Copies what tsc does not: the node and credential icons. Runs after `tsc` in `npm run build`.
// The codex files (*.node.json) reach dist/ through tsc itself (resolveJsonModule + include nodes/**/*.json).
const { src, dest } = require('gulp');

function copyIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = copyIcons;
exports.default = exports.build;
