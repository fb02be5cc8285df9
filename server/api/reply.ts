import type { FastifyReply } from 'fastify';

/** Sends 201 with `{data}`, the status of the create and run endpoints. */
export function sendCreated(reply: FastifyReply, data: unknown): FastifyReply {
  return reply.code(201).send({ data });
}

/** Sends 204 with no body, labelled JSON like every response of the real server. */
export function sendNoContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).header('content-type', 'application/json').send();
}

export type IdParams<Name extends string> = { Params: Record<Name, string> };
