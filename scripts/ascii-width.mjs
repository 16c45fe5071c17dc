// clack measures every string it draws with fast-string-width, whose general path tries several
// regular expressions per piece of text. Text made of printable ASCII and colour codes (SGR escapes,
// what picocolors writes) is as wide as its printable characters; the general path gives such text
// exactly that width with its default options. Anything else returns undefined: the general path.
const SGR = /\x1b\[(?:\d{1,4}(?:;\d{0,4})*)?m/g;
const PLAIN_OR_COLOURED = new RegExp(`^(?:[\\x20-\\x7E]|${SGR.source})*$`);

/** The width of `input` when it is printable ASCII with colour codes, else undefined. */
export function asciiWidth(input) {
  if (!PLAIN_OR_COLOURED.test(input)) return undefined;
  return input.includes('\x1b') ? input.replace(SGR, '').length : input.length;
}
