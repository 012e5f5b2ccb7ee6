/** One reason a document is invalid: where (a JSON Pointer, `''` for the whole document) and what is wrong. */
export interface ValidationProblem {
  pointer: string;
  message: string;
}

/** `/steps/1/config/method: must be one of GET, POST, PUT, PATCH, DELETE` */
export function formatProblem(problem: ValidationProblem): string {
  return `${problem.pointer || '/'}: ${problem.message}`;
}
