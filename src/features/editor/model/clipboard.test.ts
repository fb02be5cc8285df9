import { describe, expect, it } from 'vitest';

import { stagesFromClipboardText, stagesToClipboardText } from './clipboard';
import { approvalGatedRefund } from './example-workflows';

describe('stage clipboard text', () => {
  it('round-trips copied stages', async () => {
    const text = stagesToClipboardText(approvalGatedRefund.stages);

    expect(await stagesFromClipboardText(text)).toEqual(approvalGatedRefund.stages);
  });

  it('reads a YAML list and a single element', async () => {
    expect(await stagesFromClipboardText('- delay:\n    duration: 1h\n- noop: {}\n')).toEqual([
      { delay: { duration: '1h' } },
      { noop: {} },
    ]);
    expect(await stagesFromClipboardText('{"wait_event": {"event": "go"}}')).toEqual([
      { wait_event: { event: 'go' } },
    ]);
  });

  it('reads a YAML mapping with a stages list', async () => {
    expect(await stagesFromClipboardText('stages:\n  - noop: {}\n')).toEqual([{ noop: {} }]);
  });

  it('rejects text without stages', async () => {
    expect(await stagesFromClipboardText('hello world')).toBeUndefined();
    expect(await stagesFromClipboardText('[]')).toBeUndefined();
    expect(await stagesFromClipboardText('{"transfer": {}}')).toBeUndefined();
    expect(await stagesFromClipboardText('{ unclosed')).toBeUndefined();
  });
});
