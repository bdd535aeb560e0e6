// npm test: type-check the SDK, compile SDK + tests for Node, run them (and
// sdk/test/*.test.mjs) with node:test, then check that the committed dist/ is what the sources build to.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit']);
rmSync(join(root, '.build'), { recursive: true, force: true });
run(process.execPath, [tsc, '-p', 'tsconfig.test.json']);
const testDir = join(root, '.build', 'test');
const files = readdirSync(testDir).filter((f) => f.endsWith('.test.js')).map((f) => join(testDir, f));
// Plain-JavaScript tests (the page's DOM-free logic) run from their source folder.
const srcTestDir = join(root, 'sdk', 'test');
files.push(...readdirSync(srcTestDir).filter((f) => f.endsWith('.test.mjs')).map((f) => join(srcTestDir, f)));
run(process.execPath, ['--test', ...files]);
run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--check']);
