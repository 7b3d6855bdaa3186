import type { Locale } from './types.ts';

/** A type guard for "is one of these strings", so a value is checked before it is typed. */
export function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return (list as readonly string[]).includes(value as string);
}

const LOCALES: readonly Locale[] = ['ja', 'en'];

export function isLocale(value: string | undefined): value is Locale {
  return isOneOf(LOCALES, value);
}
