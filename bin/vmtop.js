#!/usr/bin/env node
// The shipped entry point. React's development build costs several times the CPU per frame,
// so production mode is set before anything imports React.
process.env.NODE_ENV ??= 'production';
// Ink reads CI=0 or CI=false as "not a CI run"; chalk reads any CI as a CI log and drops every
// style, inverse included (the selection vanished). One meaning for both: not CI.
if (process.env.CI === '0' || process.env.CI === 'false') delete process.env.CI;
try {
  // the bundle (scripts/bundle.mjs): a few files to load instead of every module of dist/
  await import('../dist/bundle/main.js');
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/bundle/main.js')) {
    process.stderr.write('vmtop: the build is missing (dist/). Run `npm install` or `npm run build` first.\n');
    process.exit(1);
  }
  throw err;
}
