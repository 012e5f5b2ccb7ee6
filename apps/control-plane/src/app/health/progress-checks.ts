import { Injectable } from '@nestjs/common';

/**
 * What /readyz asks besides "is Redis/MongoDB reachable": whether the
 * process's own loops make progress. A loop registers a check that names the
 * problem (or undefined when all is well); a reachable Redis is not enough
 * when, say, every round of the result consumer fails.
 */
@Injectable()
export class ProgressChecks {
  private readonly checks = new Map<string, () => string | undefined>();

  register(name: string, check: () => string | undefined): void {
    this.checks.set(name, check);
  }

  /** The problems now, by check name; empty when every loop makes progress. */
  problems(): Record<string, string> {
    const problems: Record<string, string> = {};
    for (const [name, check] of this.checks) {
      const problem = check();
      if (problem) problems[name] = problem;
    }
    return problems;
  }
}
