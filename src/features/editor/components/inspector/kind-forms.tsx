import { Fieldset, SegmentedControl, Stack, Text } from '@mantine/core';

import { getIn, isPlainObject } from '../../model/path';

import { ConfigField, GroupError } from './config-field';
import { EndpointFields } from './endpoint-fields';
import { MetadataEditor } from './metadata-editor';
import { useStageForm } from './stage-form-context';

export function SendForm() {
  const { element } = useStageForm();
  const fromPayment = getIn(element, ['send', 'source', 'payment']) !== undefined;

  return (
    <Stack gap="sm">
      <EndpointFields side="source" />
      <EndpointFields side="destination" />
      <Fieldset legend="Amount" variant="filled" p="xs">
        <Stack gap={6}>
          <GroupError path={['send', 'amount']} />
          {fromPayment && (
            <Text size="xs" c="dimmed">
              Leave both empty to send the payment&apos;s whole amount in its asset.
            </Text>
          )}
          <ConfigField
            label="Amount"
            path={['send', 'amount', 'amount']}
            type="integer"
            description="Integer in the asset's smallest unit (350 of EUR/2 is €3.50)"
            required={!fromPayment}
          />
          <ConfigField
            label="Asset"
            path={['send', 'amount', 'asset']}
            placeholder="e.g. EUR/2"
            required={!fromPayment}
          />
        </Stack>
      </Fieldset>
      <MetadataEditor
        label="Metadata"
        path={['send', 'metadata']}
        description="Copied onto the transactions and wallet operations"
      />
      <ConfigField
        label="Timestamp"
        path={['send', 'timestamp']}
        placeholder="e.g. 2025-06-01T08:00:00Z"
        description="Transaction date (RFC 3339); empty means now"
      />
    </Stack>
  );
}

export function DelayForm() {
  const { element, setField } = useStageForm();
  const config = getIn(element, ['delay']);
  const mode =
    isPlainObject(config) && config.until !== undefined && config.duration === undefined
      ? 'until'
      : 'duration';

  const switchTo = (next: string) => {
    if (next === mode) return;
    const rest = isPlainObject(config) ? config : {};
    const { duration: _duration, until: _until, ...others } = rest;
    setField(['delay'], { ...others, [next]: next === 'duration' ? '1m' : '' });
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        size="xs"
        aria-label="Delay type"
        value={mode}
        data={[
          { value: 'duration', label: 'For a duration' },
          { value: 'until', label: 'Until a date' },
        ]}
        onChange={switchTo}
      />
      <GroupError path={['delay']} />
      {mode === 'duration' ? (
        <ConfigField
          label="Duration"
          path={['delay', 'duration']}
          placeholder="e.g. 1h30m"
          description="Go duration: 45s, 1h30m, 250ms"
          required
        />
      ) : (
        <ConfigField
          label="Until"
          path={['delay', 'until']}
          placeholder="e.g. 2025-06-01T08:00:00Z"
          description="RFC 3339 date; a past date completes at once"
          required
        />
      )}
    </Stack>
  );
}

export function WaitEventForm() {
  return (
    <Stack gap="sm">
      <ConfigField
        label="Event name"
        path={['wait_event', 'event']}
        placeholder="e.g. refund-approved"
        description="The stage completes when an event with this name is sent to the instance"
        required
      />
    </Stack>
  );
}

export function UpdateForm() {
  return (
    <Stack gap="sm">
      <GroupError path={['update', 'account']} />
      <ConfigField
        label="Account"
        path={['update', 'account', 'id']}
        placeholder="e.g. users:42"
        required
      />
      <ConfigField label="Ledger" path={['update', 'account', 'ledger']} placeholder="main" />
      <MetadataEditor
        label="Metadata"
        path={['update', 'account', 'metadata']}
        description="Added to the account"
      />
    </Stack>
  );
}
