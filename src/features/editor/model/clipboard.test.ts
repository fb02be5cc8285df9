import { describe, expect, it } from 'vitest';

import { stagesFromClipboardText, stagesToClipboardText } from './clipboard';
import { approvalGatedRefund } from './example-workflows';

describe('stage clipboard text', () => {
  it('round-trips copied stages', () => {
    const text = stagesToClipboardText(approvalGatedRefund.stages);

    expect(stagesFromClipboardText(text)).toEqual(approvalGatedRefund.stages);
  });

  it('reads a YAML list and a single element', () => {
    expect(stagesFromClipboardText('- delay:\n    duration: 1h\n- noop: {}\n')).toEqual([
      { delay: { duration: '1h' } },
      { noop: {} },
    ]);
    expect(stagesFromClipboardText('{"wait_event": {"event": "go"}}')).toEqual([
      { wait_event: { event: 'go' } },
    ]);
  });

  it('rejects text without stages', () => {
    expect(stagesFromClipboardText('hello world')).toBeUndefined();
    expect(stagesFromClipboardText('[]')).toBeUndefined();
    expect(stagesFromClipboardText('{"transfer": {}}')).toBeUndefined();
    expect(stagesFromClipboardText('{ unclosed')).toBeUndefined();
  });
});
