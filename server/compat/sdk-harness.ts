import { SDK } from '@formance/formance-sdk';

import { createTestServer, type TestServer } from '../testing/test-server';

export type SdkHarness = {
  server: TestServer;
  sdk: SDK;
  close(): Promise<void>;
};

/**
 * Starts a local server on a free loopback port and an official Formance SDK
 * client (2.7.0) pointed at it, without credentials, as a script written for
 * a Formance stack would use it.
 */
export async function startSdkHarness(): Promise<SdkHarness> {
  const server = await createTestServer({ waitCapMs: 5_000 });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP port');
  const sdk = new SDK({ serverURL: `http://127.0.0.1:${address.port}` });

  return { server, sdk, close: () => server.dispose() };
}
