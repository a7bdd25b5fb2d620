// Hands out unique names within one namespace (all type names of a project, the files of one
// folder, the topics of a cluster). Comparison ignores case, because macOS and Windows file
// systems do, and a type and its file must never collide there. Given the same requests in
// the same order it gives the same answers.
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  /** `base` if free, else base + separator + 2, 3, ... (the first free one). */
  claim(base: string, separator = ''): string {
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}${separator}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }
}
