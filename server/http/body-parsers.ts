import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';

import { validationError } from './api-error';

export const yamlContentType = 'text/vnd.yaml';

// The yaml package recurses per level of flow collections (`[`, `{`) and runs
// the process out of memory on inputs nested thousands of levels deep, so
// deeper bodies are rejected before parsing. Workflow documents are shallow.
const maxYamlFlowDepth = 100;

/**
 * Returns the deepest nesting of `[` and `{` in `text`. Brackets inside quoted
 * strings count too, which can only overestimate the depth.
 */
function flowNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }

  return deepest;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Accepts JSON bodies (empty body → `undefined`) and YAML bodies labelled
 * `text/vnd.yaml`. Other content types get 415. There is deliberately no
 * `text/plain` or form parser: browsers send those cross-site without a CORS
 * preflight, and this server has no authentication.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(null, undefined);

      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(validationError(`invalid JSON body: ${messageOf(error)}`), undefined);
    }
  });

  app.addContentTypeParser(yamlContentType, { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (flowNestingDepth(text) > maxYamlFlowDepth) {
      done(
        validationError(
          `invalid YAML body: collections are nested more than ${maxYamlFlowDepth} levels deep`,
        ),
        undefined,
      );

      return;
    }
    try {
      done(null, parseYaml(text) ?? undefined);
    } catch (error) {
      done(validationError(`invalid YAML body: ${messageOf(error)}`), undefined);
    }
  });
}
