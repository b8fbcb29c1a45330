import type { Token } from './tokens';

/** Words that say the digits after them are a phone number. */
const PHONE_WORDS = new Set(['phone', 'call', 'cell', 'mobile', 'telephone', 'tel', 'reach', 'dial', 'landline', 'fax', 'text', 'whatsapp', 'callback', 'contact']);
/** Words that say the digits are a social security number. */
const SSN_WORDS = new Set(['social', 'ssn', 'security', 'ss']);
/** Words that say the digits are an identifier of ours, not a person's: never a phone or SSN. */
const NOT_PERSONAL_WORDS = new Set([
  'order', 'invoice', 'ticket', 'tracking', 'reference', 'ref', 'confirmation', 'case', 'serial', 'model', 'part', 'sku',
  'item', 'booking', 'po', 'zip', 'postcode', 'postal', 'code', 'pin', 'claim', 'shipment', 'parcel', 'package', 'receipt',
  'transaction', 'version', 'build', 'room', 'flight', 'batch', 'lot', 'store', 'product', 'policy',
]);

const before = (tokens: readonly Token[], first: number, window: number): string[] =>
  tokens.slice(Math.max(0, first - window), first).map((t) => t.word.replace(/[^a-z]/g, ''));

const mentions = (tokens: readonly Token[], first: number, window: number, set: ReadonlySet<string>) =>
  before(tokens, first, window).some((w) => set.has(w));

/** "call me on", "my phone number is": a phone-sized run after these is a phone number. */
export const saysPhone = (tokens: readonly Token[], first: number) => mentions(tokens, first, 6, PHONE_WORDS);
export const saysSsn = (tokens: readonly Token[], first: number) => mentions(tokens, first, 6, SSN_WORDS);
/** "order number", "tracking", "zip code" just before the digits. */
export const saysNotPersonal = (tokens: readonly Token[], first: number) => mentions(tokens, first, 4, NOT_PERSONAL_WORDS);
