import { describe, expect, it } from 'vitest';

import { connectionDetailSchema, connectionListSchema } from '@/lib/connection/connection-schemas';

import { connectionDetailBody, connectionListBody } from './connection-checks';

const local = {
  id: 'local',
  name: 'Local server',
  kind: 'local',
  readOnly: false,
  status: 'ready',
};
const remote = {
  id: 'prod',
  name: 'Production',
  kind: 'remote',
  baseUrl: 'https://stack.example/api',
  readOnly: true,
  readOnlyReason: 'The token lacks orchestration:write.',
  status: 'ready',
  apiVersion: 'v1',
};
const failed = {
  ...remote,
  status: 'error',
  apiVersion: undefined,
  error: { errorCode: 'STACK_UNREACHABLE', errorMessage: 'connect ECONNREFUSED' },
};

const summaryCases: Array<[string, unknown]> = [
  ['the local connection', local],
  ['a read-only v1 stack', remote],
  ['a failed check', failed],
  ['an unchecked stack', { ...remote, status: 'unknown', apiVersion: undefined }],
  ['unknown keys', { ...local, clientSecret: 'never sent', extra: 1 }],
  ['an unknown kind', { ...local, kind: 'cloud' }],
  ['an unknown status', { ...local, status: 'down' }],
  ['an unknown API version', { ...remote, apiVersion: 'v3' }],
  ['a null baseUrl', { ...remote, baseUrl: null }],
  ['a string readOnly', { ...local, readOnly: 'false' }],
  ['an error without a message', { ...failed, error: { errorCode: 'X' } }],
  ['a missing name', { ...local, name: undefined }],
  ['null', null],
];

describe('connectionDetailBody', () => {
  it.each(summaryCases)('agrees with the zod schema on %s', (_name, summary) => {
    const body = { data: summary };
    const expected = connectionDetailSchema.safeParse(body);
    const actual = connectionDetailBody.safeParse(body);

    expect(actual.success).toBe(expected.success);
    if (actual.success && expected.success) expect(actual.data).toEqual(expected.data);
  });
});

describe('connectionListBody', () => {
  it.each<[string, unknown]>([
    ['a list', { data: [local, remote, failed] }],
    ['an empty list', { data: [] }],
    ['an invalid entry', { data: [local, { ...remote, kind: 1 }] }],
    ['no data', {}],
  ])('agrees with the zod schema on %s', (_name, body) => {
    const expected = connectionListSchema.safeParse(body);
    const actual = connectionListBody.safeParse(body);

    expect(actual.success).toBe(expected.success);
    if (actual.success && expected.success) expect(actual.data).toEqual(expected.data);
  });
});
