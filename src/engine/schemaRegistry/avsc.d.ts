// The part of avsc the registry uses, typed here: avsc's own typings import Node's stream and
// events, which the pure layers' tsconfig (no Node types) cannot see. The registry imports
// avsc's types-only entry, which also runs in a Web Worker (vite.config.ts aliases buffer/util).
declare module 'avsc/etc/browser/avsc-types.js' {
  interface AvroField {
    readonly name: string;
    readonly aliases: string[];
    readonly type: AvroType;
    defaultValue(): unknown;
  }
  interface AvroType {
    readonly typeName: string;
    readonly name: string | undefined;
    readonly aliases?: string[];
    readonly fields?: AvroField[];
    readonly symbols?: string[];
    readonly default?: unknown;
    readonly size?: number;
    readonly itemsType?: AvroType;
    readonly valuesType?: AvroType;
    readonly types?: AvroType[];
    readonly underlyingType?: AvroType;
    toBuffer(value: unknown): Uint8Array;
    /** Writes at `pos` of `buf`; returns where it ended, or a negative number (the bytes missing) when `buf` is too short. */
    encode(value: unknown, buf: Uint8Array, pos: number): number;
    fromBuffer(bytes: Uint8Array, resolver?: unknown, noCheck?: boolean): unknown;
    isValid(value: unknown, opts?: { errorHook?: (path: string[], value: unknown, type: AvroType) => void }): boolean;
    createResolver(writer: AvroType): unknown;
    schema(): unknown;
  }
  interface ForSchemaOptions {
    logicalTypes?: Record<string, unknown>;
    wrapUnions?: boolean | 'auto' | 'always' | 'never';
  }
  const Type: { forSchema(schema: unknown, opts?: ForSchemaOptions): AvroType };
  const types: { LogicalType: new (schema: unknown, opts?: unknown) => AvroType };
  export { Type, types, type AvroType, type AvroField };
  const avro: { Type: typeof Type; types: typeof types };
  export default avro;
}
