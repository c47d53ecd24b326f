/**
 * Personal data is masked in every response unless the caller unmasks it (audited). The
 * masks keep what staff need to recognise a customer without exposing what identifies them:
 * the phone's first 3 and last 4 digits (the tail callers quote), the ID number's region
 * prefix and last 4, the address down to the district or county, a person's surname.
 */
export const PII_FIELDS = ['name', 'phone', 'id_number', 'address', 'wechat_id'] as const;
export type PiiField = (typeof PII_FIELDS)[number];

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length >= 8) return `${phone.slice(0, 3)}${'*'.repeat(4)}${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 1))}${phone.slice(-2)}`;
}

export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

// Keep up to the first district-level marker within the first 20 characters: 区 / 县 / 旗
// (Inner Mongolia), else the last 市 (county-level cities). The rest is street and house.
export function maskAddress(address: string | null): string | null {
  if (!address) return address;
  const head = [...address].slice(0, 20).join('');
  const district = head.search(/[区县旗]/u);
  const cut = district >= 0 ? district : head.lastIndexOf('市');
  if (cut < 0) return `${[...address].slice(0, 3).join('')}****`;
  return `${head.slice(0, cut + 1)}****`;
}

export function maskWechatId(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}****${id.slice(-2)}`;
}

/**
 * Residential customers are people: keep the surname and the last character (张*明, 李*).
 * Non-residential customers are companies and institutions whose names are public.
 */
export function maskPersonName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export interface PiiValues {
  name: string;
  customer_type: string;
  phone: string | null;
  id_number: string | null;
  address: string | null;
  wechat_id: string | null;
}

export function maskCustomerPii(c: PiiValues) {
  return {
    name: c.customer_type === 'residential' ? (maskPersonName(c.name) ?? '') : c.name,
    phone: maskPhone(c.phone),
    idNumber: maskIdNumber(c.id_number),
    address: maskAddress(c.address),
    wechatId: maskWechatId(c.wechat_id),
  };
}

/**
 * Free text (call transcripts) repeats what the masked fields hide: an agent reads out the
 * account holder's name or address. Replace each known value of the customers concerned with
 * its mask, the same mask the customer's own fields get.
 */
export function maskKnownPiiInText(text: string, customers: readonly Pick<PiiValues, 'name' | 'customer_type' | 'address'>[]): string {
  let masked = text;
  for (const c of customers) {
    if (c.customer_type === 'residential' && [...c.name].length >= 2) {
      masked = masked.replaceAll(c.name, maskPersonName(c.name) ?? '');
    }
    if (c.address) masked = masked.replaceAll(c.address, maskAddress(c.address) ?? '');
  }
  return masked;
}
