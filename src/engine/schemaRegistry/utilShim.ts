// What avsc needs from Node's util module, for the browser build (vite.config.ts aliases
// "util" here): inherits, format, debuglog and deprecate. avsc calls debuglog when it loads,
// and the util package's version reads process.env, which a Web Worker does not have.
type Fn = (...args: unknown[]) => unknown;

export function inherits(ctor: Fn, superCtor: Fn): void {
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype as object);
  Object.setPrototypeOf(ctor, superCtor);
  (ctor as unknown as { super_: Fn }).super_ = superCtor;
}

export function format(template: unknown, ...args: unknown[]): string {
  let i = 0;
  const text = String(template).replace(/%[sdifjoO%]/g, (m) => {
    if (m === '%%') return '%';
    const a = args[i++];
    return m === '%j' || m === '%o' || m === '%O' ? JSON.stringify(a) : String(a);
  });
  return [text, ...args.slice(i).map(String)].join(' ');
}

export function debuglog(): (...args: unknown[]) => void {
  return () => undefined;
}

export function deprecate<T extends Fn>(fn: T): T {
  return fn;
}

export default { inherits, format, debuglog, deprecate };
