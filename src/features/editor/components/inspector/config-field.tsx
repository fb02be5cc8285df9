import { Autocomplete, Input, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

import { textToValue, valueToText } from '../../model/field-value';
import type { FieldType } from '../../model/field-value';
import { formatPath, getIn } from '../../model/path';
import type { FieldPath } from '../../model/path';
import { fieldError } from '../../model/validation';

import { useStageForm } from './stage-form-context';

type ConfigFieldProps = {
  label: string;
  path: FieldPath;
  /** Shown when the field is empty: the service's default, or an example written `e.g. …`. */
  placeholder?: string;
  description?: ReactNode;
  type?: FieldType;
  required?: boolean;
  /** Suggested values; the field still accepts any text, such as a `${var}` placeholder. */
  suggestions?: string[];
};

/** One stage config field bound to its path, with its validation error. */
export function ConfigField({
  label,
  path,
  placeholder,
  description,
  type = 'text',
  required,
  suggestions,
}: ConfigFieldProps) {
  const { element, errors, setField } = useStageForm();
  const value = valueToText(getIn(element, path));
  const error = fieldError(errors, path);
  const options = suggestions ?? (type === 'boolean' ? ['true', 'false'] : undefined);
  const common = {
    label,
    placeholder,
    description,
    error,
    required,
    value,
    size: 'xs' as const,
    // Stable name for tests and autofill: the config path, e.g. send.source.account.id.
    name: formatPath(path),
  };

  if (options) {
    return (
      <Autocomplete
        {...common}
        data={options}
        onChange={(text) => setField(path, textToValue(text, type))}
      />
    );
  }

  return (
    <TextInput
      {...common}
      onChange={(event) => setField(path, textToValue(event.currentTarget.value, type))}
    />
  );
}

/** A validation error of a group of fields (e.g. a one-of rule), shown under its control. */
export function GroupError({ path }: { path: FieldPath }) {
  const { errors } = useStageForm();
  const error = fieldError(errors, path);
  if (!error) return null;

  return (
    <Input.Error component="div" role="alert">
      {error}
    </Input.Error>
  );
}
