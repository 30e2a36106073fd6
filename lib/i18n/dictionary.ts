// The shape every language's dictionary has, and how a message is looked up and filled in.
import type { zhCN } from "./zh-CN";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Dictionary = Widen<typeof zhCN>;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** Every message key, such as "login.invalid". */
export type MessageKey = Leaves<Dictionary>;

export type Vars = Record<string, string | number>;

/** Fill `{name}` placeholders. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : match,
  );
}

/** Look a message up by its dotted key; an unknown key shows itself, never crashes a page. */
export function lookup(dictionary: Dictionary, key: string): string {
  let node: unknown = dictionary;
  for (const part of key.split(".")) {
    if (node && typeof node === "object" && part in node) {
      node = (node as Record<string, unknown>)[part];
    } else {
      return key;
    }
  }
  return typeof node === "string" ? node : key;
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translator(dictionary: Dictionary): Translate {
  return (key, vars) => format(lookup(dictionary, key), vars);
}
