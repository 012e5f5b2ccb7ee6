// Adds this project's counts to tmp/test-summary/ like the Jest projects'
// summary reporter does, so the workspace test command's one-line total
// includes the console's Vitest run.
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export class SummaryReporter implements Reporter {
  constructor(
    private readonly workspaceRoot: string,
    private readonly name: string,
  ) {}

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const summary = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) summary.failed += 1;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') summary.passed += 1;
        else if (state === 'failed') summary.failed += 1;
        else summary.skipped += 1;
      }
    }
    const dir = path.join(this.workspaceRoot, 'tmp', 'test-summary');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(summary));
  }
}
