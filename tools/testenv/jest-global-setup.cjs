// jest globalSetup for every project: start (or reuse) the test environment and
// hand its variables to the test workers, which jest forks after this runs.
module.exports = async function globalSetup() {
  const { up } = await import('./index.mjs');
  const vars = await up({ cluster: true, kube: true, prometheus: true });
  for (const [key, value] of Object.entries(vars)) {
    process.env[key] ??= value;
  }
};
