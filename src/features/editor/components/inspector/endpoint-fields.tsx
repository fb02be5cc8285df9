import { Fieldset, SegmentedControl, Stack } from '@mantine/core';

import { getIn, isPlainObject } from '../../model/path';

import { ConfigField, GroupError } from './config-field';
import { useStageForm } from './stage-form-context';

type Side = 'source' | 'destination';
type EndpointType = 'account' | 'wallet' | 'payment';

const endpointTypes: EndpointType[] = ['account', 'wallet', 'payment'];

function presentType(endpoint: unknown): EndpointType | undefined {
  return isPlainObject(endpoint)
    ? endpointTypes.find((type) => endpoint[type] !== undefined)
    : undefined;
}

/** The service's default holding account for a payment id: `payment:<id with '-' → '_'>`. */
function holdingAccountDefault(id: unknown): string {
  return typeof id === 'string' && id !== ''
    ? `payment:${id.replaceAll('-', '_')}`
    : 'payment:<payment id>';
}

/** Fields of a send stage's source or destination: exactly one of account, wallet or payment. */
export function EndpointFields({ side }: { side: Side }) {
  const { element, setField } = useStageForm();
  const base = ['send', side];
  const endpoint = getIn(element, base);
  const type = presentType(endpoint);

  return (
    <Fieldset legend={side === 'source' ? 'Source' : 'Destination'} variant="filled" p="xs">
      <Stack gap={6}>
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label={`${side === 'source' ? 'Source' : 'Destination'} type`}
          value={type ?? ''}
          data={endpointTypes.map((value) => ({
            value,
            label: value[0]?.toUpperCase() + value.slice(1),
          }))}
          // Switching type replaces the whole endpoint: the one-of rule allows only one.
          onChange={(value) => setField(base, { [value]: {} })}
        />
        <GroupError path={base} />
        {type === 'account' && <AccountFields base={[...base, 'account']} />}
        {type === 'wallet' && <WalletFields base={[...base, 'wallet']} />}
        {type === 'payment' && side === 'source' && (
          <SourcePaymentFields base={[...base, 'payment']} />
        )}
        {type === 'payment' && side === 'destination' && (
          <DestinationPaymentFields base={[...base, 'payment']} />
        )}
      </Stack>
    </Fieldset>
  );
}

function AccountFields({ base }: { base: string[] }) {
  return (
    <>
      <GroupError path={base} />
      <ConfigField label="Account" path={[...base, 'id']} placeholder="e.g. users:42" required />
      <ConfigField label="Ledger" path={[...base, 'ledger']} placeholder="default" />
      <ConfigField
        label="Through account"
        path={[...base, 'throughAccount']}
        placeholder="world"
        description="Bridge account for cross-ledger and payment flows"
      />
      <ConfigField
        label="Allow overdraft"
        path={[...base, 'allowOverdraft']}
        placeholder="false"
        type="boolean"
      />
    </>
  );
}

function WalletFields({ base }: { base: string[] }) {
  const { element, setField } = useStageForm();
  const wallet = getIn(element, base);
  const by =
    isPlainObject(wallet) && wallet.name !== undefined && wallet.id === undefined ? 'name' : 'id';

  const switchTo = (next: string) => {
    if (next === by || !isPlainObject(wallet)) return;
    const { id: _id, name: _name, ...rest } = wallet;
    setField(base, { ...rest, [next]: wallet[by] ?? '' });
  };

  return (
    <>
      <GroupError path={base} />
      <SegmentedControl
        size="xs"
        aria-label="Find the wallet by"
        value={by}
        data={[
          { value: 'id', label: 'By id' },
          { value: 'name', label: 'By name' },
        ]}
        onChange={switchTo}
      />
      {by === 'id' ? (
        <ConfigField label="Wallet id" path={[...base, 'id']} required />
      ) : (
        <ConfigField
          label="Wallet name"
          path={[...base, 'name']}
          description="Must match exactly one wallet"
          required
        />
      )}
      <ConfigField label="Balance" path={[...base, 'balance']} placeholder="main" />
    </>
  );
}

function SourcePaymentFields({ base }: { base: string[] }) {
  const { element } = useStageForm();

  return (
    <>
      <GroupError path={base} />
      <ConfigField label="Payment id" path={[...base, 'id']} required />
      <ConfigField
        label="Ledger"
        path={[...base, 'ledger']}
        placeholder="orchestration-000-internal"
      />
      <ConfigField
        label="Holding account"
        path={[...base, 'holdingAccount']}
        placeholder={holdingAccountDefault(getIn(element, [...base, 'id']))}
      />
      <ConfigField label="Through account" path={[...base, 'throughAccount']} placeholder="world" />
      <ConfigField
        label="Allow overdraft"
        path={[...base, 'allowOverdraft']}
        placeholder="false"
        type="boolean"
      />
    </>
  );
}

function DestinationPaymentFields({ base }: { base: string[] }) {
  return (
    <>
      <GroupError path={base} />
      <ConfigField
        label="PSP"
        path={[...base, 'psp']}
        required
        description="Connector name, sent upper-cased"
        suggestions={[
          'stripe',
          'wise',
          'modulr',
          'currency-cloud',
          'banking-circle',
          'mangopay',
          'moneycorp',
        ]}
      />
      <ConfigField
        label="Type"
        path={[...base, 'type']}
        placeholder="TRANSFER"
        suggestions={['TRANSFER', 'PAYOUT']}
      />
      <ConfigField
        label="Source account"
        path={[...base, 'sourceAccount']}
        description="Payments source account id"
      />
      <ConfigField
        label="Metadata key"
        path={[...base, 'metadata']}
        placeholder="formanceAccountID"
        description="Metadata key on the source account or wallet that holds the PSP account id"
      />
      <ConfigField
        label="Waiting validation"
        path={[...base, 'waitingValidation']}
        placeholder="false"
        type="boolean"
      />
      <ConfigField label="Connector id" path={[...base, 'connectorId']} />
    </>
  );
}
