import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { TextEncoding } from './source-row.js';

const SAMPLE_BYTES = 64 * 1024;

/**
 * Guesses a text file's encoding from its first 64 KiB: valid UTF-8 is UTF-8; anything else is
 * read as GB18030 (a superset of GBK), which is what Chinese utilities' tools export, unless
 * chardet is sure of another encoding iconv-lite knows.
 */
export async function detectEncoding(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return detectEncodingOf(buffer.subarray(0, bytesRead), bytesRead < SAMPLE_BYTES);
  } finally {
    await handle.close();
  }
}

export function detectEncodingOf(sample: Buffer, complete: boolean): string {
  if (isValidUtf8(complete ? sample : trimPartialUtf8(sample))) return 'utf8';
  const guess = chardet.detect(sample)?.toLowerCase();
  if (guess && !/^(gb|utf-8|iso-8859|windows-125)/.test(guess) && iconv.encodingExists(guess)) return guess;
  return 'gb18030';
}

/** Text of a file as a stream of decoded strings; a UTF-8 byte-order mark is dropped. */
export function decodeStream(input: Readable, encoding: TextEncoding | string): Readable {
  return input.pipe(iconv.decodeStream(encoding, { stripBOM: true })) as unknown as Readable;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The sample may end inside a multi-byte character; cut back to the last whole one. */
function trimPartialUtf8(bytes: Buffer): Buffer {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - back);
    if ((byte & 0x80) === 0) break;
  }
  return bytes.subarray(0, end);
}
