// The shape every language's dictionary has, and how a message is looked up and filled in.
// Messages are ICU MessageFormat (plurals, selects), compiled once per locale by intl-messageformat.
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../domain/locales";
import type { MessageArgs } from "./icu-args";
import type { zhCN } from "./zh-CN";

declare const icuText: unique symbol;
/**
 * A message. Its type remembers the zh-CN text, so the compiler reads the arguments it takes
 * from it; at run time it is a plain string in the dictionary's language.
 */
export type Message<S extends string = string> = string & { readonly [icuText]?: S };

type Widen<T> = { [K in keyof T]: T[K] extends string ? Message<T[K]> : Widen<T[K]> };
export type Dictionary = Widen<typeof zhCN>;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** Every message key, such as "login.invalid". */
export type MessageKey = Leaves<typeof zhCN>;

type At<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;
/** The zh-CN text of a key (as a type). */
export type MessageText<K extends MessageKey> = At<typeof zhCN, K> & string;

/** The values a message needs as a rest parameter: none, optional, or required. */
export type VarsOf<S extends string> = S extends string
  ? string extends S
    ? [vars?: MessageArgs<S>]
    : MessageArgs<S> extends Record<string, never>
      ? [vars?: undefined]
      : [vars: MessageArgs<S>]
  : never;

export type Vars = Record<string, string | number | Date>;

const compiled: Record<Locale, Map<string, IntlMessageFormat>> = {
  "zh-CN": new Map(),
  en: new Map(),
};

/** Compile (once per locale and text) and format an ICU message. */
export function formatMessage<S extends string>(
  locale: Locale,
  message: Message<S> | S,
  ...[vars]: NoInfer<VarsOf<S>>
): string {
  const cache = compiled[locale];
  let format = cache.get(message);
  try {
    if (!format) {
      format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
      cache.set(message, format);
    }
    const out = format.format(vars as Vars | undefined);
    return Array.isArray(out) ? out.join("") : String(out);
  } catch {
    // A message the tests let through, or a value missing at run time: show the text rather
    // than break the page.
    return message;
  }
}

/** A formatter bound to one language. */
export type Format = <S extends string>(
  message: Message<S> | S,
  ...vars: NoInfer<VarsOf<S>>
) => string;

export function formatter(locale: Locale): Format {
  return (message, ...vars) => formatMessage(locale, message, ...vars);
}

/** Look a message up by a dotted key known only at run time; an unknown key shows itself. */
export function lookup(dictionary: Dictionary, key: string): string {
  let node: unknown = dictionary;
  for (const part of key.split(".")) {
    if (node && typeof node === "object" && Object.hasOwn(node, part)) {
      node = (node as Record<string, unknown>)[part];
    } else {
      return key;
    }
  }
  return typeof node === "string" ? node : key;
}

export type ErrorKey = keyof Dictionary["errors"];

/** `t("desk.review")`: a key the compiler knows, with exactly the values its message takes. */
export type Translate = <K extends MessageKey>(key: K, ...vars: VarsOf<MessageText<K>>) => string;

export function translator(locale: Locale, dictionary: Dictionary): Translate {
  return (key, ...vars) =>
    formatMessage(locale, lookup(dictionary, key) as Message<MessageText<typeof key>>, ...vars);
}
