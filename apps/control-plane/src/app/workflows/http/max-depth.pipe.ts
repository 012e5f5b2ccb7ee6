import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { childPointer } from '@base-shift/core';
import { MAX_INPUT_DEPTH } from '@base-shift/workflow';
import { invalidRequest } from './problem-validation-pipe';

/** Deep enough for any valid workflow body: its inputs, plus the envelope around a job's input. */
export const MAX_BODY_DEPTH = MAX_INPUT_DEPTH + 8;

/**
 * Refuses bodies nested deeper than MAX_BODY_DEPTH before anything recursive
 * (schema validation, reference resolution, hashing, JSON.stringify of a job
 * output) walks them: a 100 kB body of brackets would otherwise overflow the
 * stack and answer 500. Iterative on purpose.
 */
@Injectable()
export class MaxDepthPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const pending: Array<[unknown, string, number]> = [[value, '', 0]];
    while (pending.length > 0) {
      const [node, pointer, depth] = pending.pop() as [unknown, string, number];
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_BODY_DEPTH) throw invalidRequest([{ pointer, message: `nests deeper than ${MAX_BODY_DEPTH} levels` }], 'request body');
      for (const [key, child] of Object.entries(node)) {
        pending.push([child, childPointer(pointer, key), depth + 1]);
      }
    }
    return value;
  }
}
