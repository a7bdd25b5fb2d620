// Sticky text is free text (any script, emoji, quotes, newlines). Everything we generate from
// it (identifiers, file names, topic names, Avro names) needs plain ASCII words, so this file
// turns text into words once and the other naming helpers only join them.

// A small transliteration table keeps Cyrillic and Greek names readable; other scripts
// (CJK, Arabic, ...) have no short Latin spelling and fall back to a kind-based name.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l',
  μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f',
  χ: 'ch', ψ: 'ps', ω: 'o',
};
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

function transliterate(ch: string): string {
  const lower = ch.toLowerCase();
  const t = CYRILLIC[lower] ?? GREEK[lower] ?? SPECIAL[lower];
  if (t === undefined) return ' ';
  return ch !== lower && t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t;
}

/**
 * Splits text into ASCII alphanumeric words: diacritics dropped (é → e), Cyrillic and Greek
 * transliterated, camelCase humps split ("accountId" → ["account", "Id"]), everything else
 * (punctuation, emoji, other scripts, control characters) treated as a separator.
 */
export function toWords(text: string): string[] {
  let ascii = text;
  // Most sticky text is plain ASCII: skip normalisation and transliteration for it.
  if (!/^[\x20-\x7e]*$/.test(text)) {
    ascii = '';
    for (const ch of text.normalize('NFKD').replace(/\p{M}/gu, '')) ascii += /[A-Za-z0-9]/.test(ch) ? ch : transliterate(ch);
  }
  return ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** A short stable hash in base 36, used to disambiguate truncated or unreadable names. */
export function shortHash(text: string, length = 4): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(length, '0').slice(-length);
}
