// Redis, FerretDB and Chromium (Debian's package, installed by testenv as root when missing: the tests
// launch the `chromium` on PATH and never download a browser).
module.exports = async function globalSetup() {
  const { up } = await import('../../tools/testenv/index.mjs');
  const vars = await up({ chromium: true });
  for (const [key, value] of Object.entries(vars)) {
    process.env[key] ??= value;
  }
};
