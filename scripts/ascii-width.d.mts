/** The width of `input` when it is printable ASCII with colour codes, else undefined. */
export declare function asciiWidth(input: string): number | undefined;
