import fastStringWidth from 'fast-string-width';
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { asciiWidth } from '../../scripts/ascii-width.mjs';

const colours = pc.createColors(true);
const samples = [
  '',
  'plain text',
  'Step 1: decisions (docs/DECISIONS.md)',
  colours.bold('bold') + ' and ' + colours.dim('dim'),
  colours.cyan('npm run dev') + '  ' + colours.dim('starts the server and the client'),
  colours.inverse(' create-fullstack-app '),
  '\x1b[38;5;123mextended colour\x1b[39m',
  '\x1b[1;mempty parameter\x1b[m',
  'tab\tseparated',
  'naïve café',
  '漢字 and emoji 🎉',
  '\x1b]8;;https://example.com\x07link\x1b]8;;\x07',
  '\x1b[12345mfive digits',
  '\x1b[;1mleading semicolon',
];

describe('asciiWidth, the shortcut the bundle gives fast-string-width', () => {
  it('agrees with the general path wherever it answers', () => {
    for (const sample of samples) {
      const width = asciiWidth(sample);
      if (width !== undefined) expect(width, JSON.stringify(sample)).toBe(fastStringWidth(sample));
    }
  });

  it('answers for plain and coloured ASCII, and leaves everything else to the general path', () => {
    const answered = samples.filter((sample) => asciiWidth(sample) !== undefined);
    expect(answered).toEqual(samples.slice(0, 8));
  });
});
