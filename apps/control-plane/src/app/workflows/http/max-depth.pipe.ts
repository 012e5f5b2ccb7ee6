import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalidRequest } from './problem-validation-pipe';

/** Deep enough for any workflow body (job inputs are limited to 32 levels by the workflow lib). */
export const MAX_BODY_DEPTH = 40;

/**
 * Refuses bodies nested deeper than MAX_BODY_DEPTH before anything recursive
 * (class-transformer, ValidationPipe's proto-key stripping) walks them: a
 * 100 kB body of brackets would otherwise overflow the stack and answer 500.
 * Iterative on purpose.
 */
@Injectable()
export class MaxDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const pending: Array<[unknown, string, number]> = [[value, '', 0]];
    while (pending.length > 0) {
      const [node, field, depth] = pending.pop() as [unknown, string, number];
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_BODY_DEPTH) throw invalidRequest([{ field, message: `nests deeper than ${MAX_BODY_DEPTH} levels` }], 'request body');
      for (const [key, child] of Object.entries(node)) {
        pending.push([child, Array.isArray(node) ? `${field}[${key}]` : field ? `${field}.${key}` : key, depth + 1]);
      }
    }
    return value;
  }
}
