import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';

import { validationError } from './api-error';

export const yamlContentType = 'text/vnd.yaml';

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
    try {
      done(null, parseYaml(String(body)) ?? undefined);
    } catch (error) {
      done(validationError(`invalid YAML body: ${messageOf(error)}`), undefined);
    }
  });
}
