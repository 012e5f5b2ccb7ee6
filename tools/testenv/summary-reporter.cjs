// A jest reporter that adds this project's counts to tmp/test-summary/, so the
// test command can print one "N passed, N failed" line for the whole workspace.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = path.resolve(__dirname, '../..');
    this.name = path.relative(this.rootDir, globalConfig.rootDir).replace(/[\\/]/g, '_') || 'root';
  }

  onRunComplete(_contexts, results) {
    const dir = path.join(this.rootDir, 'tmp', 'test-summary');
    fs.mkdirSync(dir, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
