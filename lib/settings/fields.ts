// A field is one setting or policy key described once: its valibot schema (what
// Clearline accepts), the JSON schema Chromium checks managed policy against
// (public/managed_schema.json) and an English title and description for admins.
// Chromium's policy schema knows only type, enum, minimum, maximum, pattern,
// properties and items, so a field's JSON side never says more than those.
import * as v from 'valibot';

export type JsonSchema =
  | { type: 'string'; enum?: readonly string[]; pattern?: string }
  | { type: 'integer'; minimum: number; maximum: number; enum?: readonly number[] }
  | { type: 'boolean' }
  | { type: 'array'; items: JsonSchema }
  | { type: 'object'; properties: Record<string, JsonSchema> };

// The schema types a field may carry; kept loose so objects and arrays can nest.
type AnySchema = v.GenericSchema<unknown, unknown>;

export interface Field<S extends AnySchema = AnySchema> {
  schema: S;
  json: JsonSchema;
}

export interface DescribedField<S extends AnySchema = AnySchema> extends Field<S> {
  title: string;
  description: string;
}

export function describe<S extends AnySchema>(
  field: Field<S>,
  title: string,
  description: string,
): DescribedField<S> {
  return { ...field, title, description };
}

export function choice<const T extends readonly (string | number)[]>(values: T) {
  const json: JsonSchema =
    typeof values[0] === 'number'
      ? {
          type: 'integer',
          minimum: Math.min(...(values as readonly number[])),
          maximum: Math.max(...(values as readonly number[])),
          enum: values as readonly number[],
        }
      : { type: 'string', enum: values as readonly string[] };
  return { schema: v.picklist(values), json } satisfies Field;
}

export function wholeNumber(min: number, max: number) {
  return {
    schema: v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max)),
    json: { type: 'integer', minimum: min, maximum: max },
  } satisfies Field;
}

/** Free text up to a length; Chromium cannot check length, Clearline does. */
export function text(maxLength: number) {
  return {
    schema: v.pipe(v.string(), v.maxLength(maxLength)),
    json: { type: 'string' },
  } satisfies Field;
}

/** A string matching a pattern; the same pattern goes to Chromium and to valibot. */
export function patterned(pattern: string, maxLength: number, what: string) {
  return {
    schema: v.pipe(v.string(), v.maxLength(maxLength), v.regex(new RegExp(pattern), what)),
    json: { type: 'string', pattern },
  } satisfies Field;
}

export function flag() {
  return { schema: v.boolean(), json: { type: 'boolean' } } satisfies Field;
}

export function listOf<S extends AnySchema>(item: Field<S>, maxItems: number) {
  return {
    schema: v.pipe(v.array(item.schema), v.maxLength(maxItems)),
    json: { type: 'array', items: item.json },
  } satisfies Field;
}

/** Every property is required: a partial object is refused as a whole, never half-applied. */
export function record<const P extends Record<string, Field>>(properties: P) {
  const schemas = Object.fromEntries(Object.entries(properties).map(([k, f]) => [k, f.schema])) as {
    [K in keyof P]: P[K]['schema'];
  };
  const json: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(Object.entries(properties).map(([k, f]) => [k, f.json])),
  };
  return { schema: v.strictObject(schemas), json } satisfies Field;
}
