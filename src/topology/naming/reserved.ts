// Words a generated identifier or file name must never be: JavaScript/TypeScript reserved and
// contextual keywords, names of globals the generated code relies on, object-prototype keys
// (an object literal key "__proto__" would set the prototype), and device names Windows will
// not accept as file names.
const JS_RESERVED = `break case catch class const continue debugger default delete do else enum export extends
false finally for function if import in instanceof new null return super switch this throw true try typeof var
void while with implements interface let package private protected public static yield await async
abstract any as asserts bigint boolean declare from get infer is keyof module namespace never number object of
readonly require satisfies set string symbol type undefined unique unknown accessor out override global
arguments eval NaN Infinity`;

const GLOBALS = `Object Array String Number Boolean Symbol BigInt Function Promise Error TypeError RangeError Map Set
WeakMap WeakSet Date JSON Math RegExp Record Partial Required Readonly Pick Omit Exclude Extract
NonNullable ReturnType Parameters Awaited Uint8Array Buffer ArrayBuffer console process globalThis
setTimeout clearTimeout URL TextEncoder TextDecoder Intl Reflect Proxy Iterator`;

const PROTOTYPE_KEYS = `__proto__ constructor prototype hasOwnProperty isPrototypeOf propertyIsEnumerable toString
toLocaleString valueOf __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__ then`;

const WINDOWS_DEVICES = 'con prn aux nul com1 com2 com3 com4 com5 com6 com7 com8 com9 lpt1 lpt2 lpt3 lpt4 lpt5 lpt6 lpt7 lpt8 lpt9';

const lowerSet = (text: string) => new Set(text.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase()));

/** Case-insensitive: "Class" is kept out too, so a name never differs from a keyword only in case. */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set([
  ...lowerSet(JS_RESERVED),
  ...lowerSet(GLOBALS),
  ...lowerSet(PROTOTYPE_KEYS),
]);

export const RESERVED_FILE_NAMES: ReadonlySet<string> = lowerSet(`${WINDOWS_DEVICES} index main node_modules dist`);

export function isReservedIdentifier(name: string): boolean {
  return RESERVED_IDENTIFIERS.has(name.toLowerCase());
}
