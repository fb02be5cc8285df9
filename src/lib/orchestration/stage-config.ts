/**
 * Stage configs: per-kind zod schemas, validation with field-level errors and
 * resolution (interpolation, defaults, type parsing) of a stage element
 * `{"<kind>": {config}}`.
 *
 * Three modes; the first two mirror when the real server checks what:
 * - `definition`: what createWorkflow checks. Field types only; a string with a
 *   `${var}` placeholder is accepted for any scalar field because it is parsed
 *   after interpolation. Required fields and one-of rules are not checked.
 * - `run`: what a stage checks when it starts, on the interpolated config.
 *   Required fields, one-of rules and defaults apply; numeric, boolean and date
 *   strings are parsed. The output is the stage's resolved input, as shown in
 *   the instance history.
 * - `draft`: what the workflow editor checks while typing: the run-mode rules
 *   on the stored config, with `${var}` placeholders accepted (validateStageDraft).
 */
import { z } from 'zod';

import {
  findPlaceholderSyntaxErrors,
  hasPlaceholder,
  interpolate,
  type Variables,
} from './interpolate';
import { stageKinds, type StageKind } from './schemas';
import {
  boolean,
  dateTime,
  describeValue,
  duration,
  integer,
  isPlainObject,
  paymentType,
  stringMap,
  text,
  type Scalar,
} from './stage-scalars';

/** `draft` (editor): run-mode rules on the stored config, placeholders accepted (see validateStageDraft). */
export type ValidationMode = 'definition' | 'run' | 'draft';

/** One validation problem; `path` starts at the stage element, e.g. `['delay', 'duration']`. */
export type FieldError = { path: (string | number)[]; message: string };

const missingValue = 'missing required value';

type Presence<T> = { kind: 'required' } | { kind: 'optional' } | { kind: 'default'; value: T };

/** Field factories for one mode; definition-mode schemas pass values through unchanged. */
function makeFields(mode: ValidationMode) {
  const checksRunRules = mode !== 'definition';
  const acceptsPlaceholders = mode !== 'run';

  function field<T>(scalar: Scalar<T>, presence: Presence<T>) {
    // `.optional()` first so that zod runs the transform for an absent key too.
    return z
      .unknown()
      .optional()
      .transform((value, context) => {
        // An empty string after interpolation counts as unset so that the default applies.
        const unset = value === undefined || value === null || (checksRunRules && value === '');
        if (unset) {
          if (checksRunRules && presence.kind === 'default') return presence.value;
          if (checksRunRules && presence.kind === 'required') {
            context.addIssue({ code: 'custom', message: missingValue });

            return z.NEVER;
          }

          return undefined;
        }
        if (acceptsPlaceholders && typeof value === 'string' && hasPlaceholder(value)) return value;

        const parsed = scalar.parse(value);
        if (parsed === undefined) {
          context.addIssue({
            code: 'custom',
            message: `expected ${scalar.expected}, got ${describeValue(value)}`,
          });

          return z.NEVER;
        }

        return mode === 'run' ? parsed : value;
      });
  }

  return {
    required: <T>(scalar: Scalar<T>) => field(scalar, { kind: 'required' }) as z.ZodType<T>,
    // Typed as ZodOptional so that inferred objects get an optional key (`id?: string`).
    optional: <T>(scalar: Scalar<T>) =>
      field(scalar, { kind: 'optional' }) as unknown as z.ZodOptional<z.ZodType<T>>,
    withDefault: <T>(scalar: Scalar<T>, value: T) =>
      field(scalar, { kind: 'default', value }) as z.ZodType<T>,
    object: <S extends z.ZodRawShape>(shape: S) =>
      z.object(shape, {
        error: (issue) =>
          issue.input === undefined
            ? missingValue
            : `expected an object, got ${describeValue(issue.input)}`,
      }),
    /** A nested object that must be present; required in run mode only. */
    nested: <T extends z.ZodType>(schema: T) =>
      (checksRunRules
        ? z.unknown().optional().pipe(schema)
        : schema.optional()) as unknown as z.ZodType<z.output<T>>,
    /** One-of rules apply in run mode only, like the real server. */
    runOnly: checksRunRules,
  };
}

type Fields = ReturnType<typeof makeFields>;

function requireExactlyOne(
  value: Record<string, unknown>,
  keys: string[],
  context: z.core.$RefinementCtx,
): void {
  const present = keys.filter((key) => value[key] !== undefined);
  if (present.length === 1) return;

  const quoted = keys.map((key) => `'${key}'`);
  const list = `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  context.addIssue({
    code: 'custom',
    message:
      present.length === 0
        ? `exactly one of ${list} is required`
        : `exactly one of ${list} is allowed, got ${present.join(' and ')}`,
  });
}

function buildSchemas(fields: Fields) {
  const account = fields.object({
    id: fields.required(text),
    ledger: fields.withDefault(text, 'default'),
    throughAccount: fields.withDefault(text, 'world'),
    allowOverdraft: fields.withDefault(boolean, false),
  });
  const wallet = fields
    .object({
      id: fields.optional(text),
      name: fields.optional(text),
      balance: fields.withDefault(text, 'main'),
    })
    .superRefine((value, context) => {
      if (fields.runOnly) requireExactlyOne(value, ['id', 'name'], context);
    });
  const sourcePayment = fields
    .object({
      id: fields.required(text),
      ledger: fields.withDefault(text, 'orchestration-000-internal'),
      holdingAccount: fields.optional(text),
      throughAccount: fields.withDefault(text, 'world'),
      allowOverdraft: fields.withDefault(boolean, false),
    })
    .transform((value) =>
      fields.runOnly && value.holdingAccount === undefined
        ? { ...value, holdingAccount: `payment:${value.id.replaceAll('-', '_')}` }
        : value,
    );
  const destinationPayment = fields.object({
    psp: fields.required(text),
    type: fields.withDefault(paymentType, 'TRANSFER'),
    sourceAccount: fields.optional(text),
    metadata: fields.withDefault(text, 'formanceAccountID'),
    waitingValidation: fields.withDefault(boolean, false),
    connectorId: fields.optional(text),
  });
  const endpoint = <P extends z.ZodType>(payment: P) =>
    fields
      .object({
        account: account.optional(),
        wallet: wallet.optional(),
        payment: payment.optional(),
      })
      .superRefine((value, context) => {
        if (fields.runOnly) requireExactlyOne(value, ['account', 'wallet', 'payment'], context);
      });
  const monetary = fields.object({
    amount: fields.required(integer),
    asset: fields.required(text),
  });

  const send = fields
    .object({
      source: fields.nested(endpoint(sourcePayment)),
      destination: fields.nested(endpoint(destinationPayment)),
      amount: monetary.optional(),
      metadata: fields.optional(stringMap),
      timestamp: fields.optional(dateTime),
    })
    .superRefine((value, context) => {
      if (!fields.runOnly) return;
      if (value.amount === undefined && value.source.payment === undefined) {
        context.addIssue({ code: 'custom', path: ['amount'], message: missingValue });
      }
      if (value.source.payment !== undefined && value.destination.payment !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['destination', 'payment'],
          message: 'sending from a payment to a payment is not supported',
        });
      }
    });

  const delay = fields
    .object({ duration: fields.optional(duration), until: fields.optional(dateTime) })
    .superRefine((value, context) => {
      if (fields.runOnly) requireExactlyOne(value, ['duration', 'until'], context);
    });

  const waitEvent = fields.object({ event: fields.required(text) });

  const update = fields.object({
    account: fields.nested(
      fields.object({
        id: fields.required(text),
        ledger: fields.withDefault(text, 'main'),
        metadata: fields.required(stringMap),
      }),
    ),
  });

  const noop = z.object({});

  return { send, delay, wait_event: waitEvent, update, noop };
}

/** Run-mode schemas: they parse an interpolated stage config into its resolved input. */
export const stageConfigSchemas = buildSchemas(makeFields('run'));

/** Definition-mode schemas: field types only, placeholders allowed; output = input. */
export const stageDefinitionSchemas: Record<StageKind, z.ZodType<unknown>> = buildSchemas(
  makeFields('definition'),
);

/** Draft-mode schemas: run-mode rules, placeholders allowed; output = input. */
export const stageDraftSchemas: Record<StageKind, z.ZodType<unknown>> = buildSchemas(
  makeFields('draft'),
);

export type SendStageInput = z.output<typeof stageConfigSchemas.send>;
export type DelayStageInput = z.output<typeof stageConfigSchemas.delay>;
export type WaitEventStageInput = z.output<typeof stageConfigSchemas.wait_event>;
export type UpdateStageInput = z.output<typeof stageConfigSchemas.update>;
export type NoopStageInput = z.output<typeof stageConfigSchemas.noop>;

/** A stage with its resolved input, discriminated by kind. */
export type ResolvedStage =
  | { kind: 'send'; input: SendStageInput }
  | { kind: 'delay'; input: DelayStageInput }
  | { kind: 'wait_event'; input: WaitEventStageInput }
  | { kind: 'update'; input: UpdateStageInput }
  | { kind: 'noop'; input: NoopStageInput };

/** History entry names per kind (`Run` + kind in CamelCase), as the real server writes them. */
export const stageHistoryNames: Record<StageKind, string> = {
  send: 'RunSend',
  delay: 'RunDelay',
  wait_event: 'RunWaitEvent',
  update: 'RunUpdate',
  noop: 'RunNoop',
};

export function isStageKind(value: string): value is StageKind {
  return (stageKinds as readonly string[]).includes(value);
}

export type StageValidation =
  | { ok: true; kind: StageKind; config: unknown }
  | { ok: false; kind?: StageKind; errors: FieldError[] };

function toFieldErrors(prefix: (string | number)[], error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.filter((key) => typeof key !== 'symbol')],
    message: issue.message,
  }));
}

/**
 * Validates one stage element `{"<kind>": {config}}`: exactly one key, a known
 * kind, and the config fields for `mode`. In run mode `config` is the resolved
 * input; in definition mode it is the config as given.
 */
export function validateStageElement(
  element: unknown,
  mode: ValidationMode = 'definition',
): StageValidation {
  if (!isPlainObject(element)) {
    const message = `expected an object with the stage kind as its only key, got ${describeValue(element)}`;

    return { ok: false, errors: [{ path: [], message }] };
  }

  const keys = Object.keys(element);
  if (keys.length === 0)
    return { ok: false, errors: [{ path: [], message: 'empty specification' }] };
  if (keys.length > 1) {
    const message = `a specification should have only one name, got ${keys.join(', ')}`;

    return { ok: false, errors: [{ path: [], message }] };
  }

  const kind = keys[0] ?? '';
  if (!isStageKind(kind)) {
    const message = `unable to resolve schema ${kind}: known stage kinds are ${stageKinds.join(', ')}`;

    return { ok: false, errors: [{ path: [kind], message }] };
  }

  const schemas =
    mode === 'run'
      ? stageConfigSchemas
      : mode === 'draft'
        ? stageDraftSchemas
        : stageDefinitionSchemas;
  const result = schemas[kind].safeParse(element[kind] ?? {});
  if (!result.success) return { ok: false, kind, errors: toFieldErrors([kind], result.error) };

  return { ok: true, kind, config: mode === 'run' ? result.data : element[kind] };
}

/** Validates the `stages` of a workflow config (definition mode); paths start with the stage index. */
export function validateWorkflowStages(stages: unknown): FieldError[] {
  if (stages === undefined || stages === null) return [];
  if (!Array.isArray(stages)) {
    return [{ path: [], message: `expected an array of stages, got ${describeValue(stages)}` }];
  }

  return stages.flatMap((element, index) => {
    const result = validateStageElement(element, 'definition');

    return result.ok
      ? []
      : result.errors.map((error) => ({ ...error, path: [index, ...error.path] }));
  });
}

/** Formats a field path the way people write it: `stages[1].delay.duration`. */
export function formatFieldPath(path: (string | number)[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;

      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

/** Formats errors as one line each, `path: message` (the path is omitted when empty). */
export function formatFieldErrors(errors: FieldError[], prefix: (string | number)[] = []): string {
  return errors
    .map((error) => {
      const path = formatFieldPath([...prefix, ...error.path]);

      return path === '' ? error.message : `${path}: ${error.message}`;
    })
    .join('; ');
}

function withoutKind(error: FieldError): FieldError {
  return { ...error, path: error.path.slice(1) };
}

export type StageResolution =
  | { ok: true; stage: ResolvedStage }
  | { ok: false; kind?: StageKind; message: string; input: Record<string, unknown> };

/**
 * Resolves a stage element for a run: interpolates `${var}` placeholders, then
 * validates in run mode. On failure, `input` is the interpolated config (for
 * the history) and `message` lists the problems.
 */
export function resolveStage(element: unknown, variables: Variables): StageResolution {
  const interpolated = interpolate(element, variables);
  const result = validateStageElement(interpolated, 'run');
  if (result.ok)
    return { ok: true, stage: { kind: result.kind, input: result.config } as ResolvedStage };

  const config = result.kind && isPlainObject(interpolated) ? interpolated[result.kind] : undefined;

  return {
    ok: false,
    kind: result.kind,
    message: result.kind
      ? `invalid ${result.kind} stage: ${formatFieldErrors(result.errors.map(withoutKind))}`
      : `invalid stage: ${formatFieldErrors(result.errors)}`,
    input: isPlainObject(config) ? config : {},
  };
}

// ---------------------------------------------------------------------------
// Editor validation: the stored (un-interpolated) config, checked while typing.

/** Asset in Formance notation: `USD`, `EUR/2` (2 decimals), `TOKEN/0`. */
export const assetPattern = /^[A-Z][A-Z0-9]{0,16}(\/\d{1,6})?$/;

function collectPlaceholderSyntaxErrors(
  value: unknown,
  path: (string | number)[],
  errors: FieldError[],
): void {
  if (typeof value === 'string') {
    for (const message of findPlaceholderSyntaxErrors(value)) errors.push({ path, message });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collectPlaceholderSyntaxErrors(item, [...path, index], errors));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      collectPlaceholderSyntaxErrors(item, [...path, key], errors);
    }
  }
}

/**
 * Validates a stage element as stored, before interpolation, for the workflow
 * editor: the run-mode rules (required fields, one-of rules, field types with
 * defaults) where any `${var}` placeholder is accepted because it is parsed
 * after substitution, plus `${var}` syntax in every string and the asset
 * format of a literal `send` asset. Paths start at the element (`send`, …).
 */
export function validateStageDraft(element: unknown): FieldError[] {
  const result = validateStageElement(element, 'draft');
  const errors = result.ok ? [] : [...result.errors];
  collectPlaceholderSyntaxErrors(element, [], errors);

  const send = isPlainObject(element) ? element.send : undefined;
  const amount = isPlainObject(send) ? send.amount : undefined;
  const asset = isPlainObject(amount) ? amount.asset : undefined;
  if (
    typeof asset === 'string' &&
    asset !== '' &&
    !hasPlaceholder(asset) &&
    !assetPattern.test(asset)
  ) {
    errors.push({
      path: ['send', 'amount', 'asset'],
      message: `invalid asset "${asset}": use an upper-case code with optional decimals, such as USD or EUR/2`,
    });
  }

  return errors;
}
