/**
 * Transcripts are shown masked (phone and ID digits, the holder's name and address read out),
 * exactly as the case chain shows them; but hits point at character spans of the stored text,
 * and some masks change the length (an address keeps only its district). `maskWithOffsets`
 * masks with the shared functions, then aligns the two strings (longest common subsequence;
 * turns are short) to carry each offset over to the masked text.
 */
import { maskKnownPiiInText, type PiiValues } from '../../customers/masking.js';
import { maskDigits } from '../../customers/trace-summary.js';

export type PiiOwner = Pick<PiiValues, 'name' | 'customer_type' | 'address'>;

export interface MaskedText {
  text: string;
  /** Offset in the stored text → offset in the masked text. */
  offset(at: number): number;
}

export function maskTranscriptText(text: string, owners: readonly PiiOwner[]): string {
  return maskKnownPiiInText(maskDigits(text), owners);
}

export function maskWithOffsets(text: string, owners: readonly PiiOwner[]): MaskedText {
  const masked = maskTranscriptText(text, owners);
  if (masked === text) return { text, offset: (at) => at };
  const map = alignOffsets(text, masked);
  return { text: masked, offset: (at) => map[Math.max(0, Math.min(at, text.length))] as number };
}

/** map[i] = where original offset i lands in `b` (length a.length + 1). */
export function alignOffsets(a: string, b: string): number[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i:] and b[j:], rows of m + 1.
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint16Array;
    const below = lcs[i + 1] as Uint16Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const map = new Array<number>(n + 1);
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && a[i] === b[j] && (lcs[i] as Uint16Array)[j] === ((lcs[i + 1] as Uint16Array)[j + 1] as number) + 1) {
      map[i++] = j++;
    } else if (j < m && ((lcs[i] as Uint16Array)[j + 1] as number) > ((lcs[i + 1] as Uint16Array)[j] as number)) {
      j++;
    } else {
      // a[i] was replaced: it lands where the replacement goes on.
      map[i++] = j;
    }
  }
  map[n] = m;
  return map;
}
