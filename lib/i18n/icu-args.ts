// The arguments an ICU message takes, read from its text by the compiler: `{name}` is a string
// or number, `{n, plural, …}` and `{n, number}` a number, `{x, select, …}` a string.
type Space = " " | "\n" | "\t";
type TrimStart<S extends string> = S extends `${Space}${infer R}` ? TrimStart<R> : S;
type TrimEnd<S extends string> = S extends `${infer R}${Space}` ? TrimEnd<R> : S;
type Trim<S extends string> = TrimStart<TrimEnd<S>>;

/** Message text up to the "}" that closes it (or the end). */
type Text<S extends string, A extends object> = S extends `${infer Before}}${infer After}`
  ? Before extends `${string}{${infer Inside}`
    ? Continue<Argument<`${Inside}}${After}`, A>>
    : { args: A; rest: After }
  : S extends `${string}{${infer Inside}`
    ? Continue<Argument<Inside, A>>
    : { args: A; rest: "" };
type Continue<P> = P extends { args: infer A extends object; rest: infer R extends string }
  ? Text<R, A>
  : never;

/** After an argument's "{": `name}` or `name, type, …}`. */
type Argument<S extends string, A extends object> = S extends `${infer Name},${infer Spec}`
  ? Name extends `${string}}${string}`
    ? Simple<S, A>
    : Typed<Trim<Name>, TrimStart<Spec>, A>
  : Simple<S, A>;
type Simple<S extends string, A extends object> = S extends `${infer Name}}${infer After}`
  ? { args: A & Record<Trim<Name>, string | number>; rest: After }
  : never;
type Typed<N extends string, S extends string, A extends object> = S extends
  | `plural,${infer Opts}`
  | `selectordinal,${infer Opts}`
  ? Options<TrimStart<Opts>, A & Record<N, number>>
  : S extends `select,${infer Opts}`
    ? Options<TrimStart<Opts>, A & Record<N, string>>
    : S extends `${"number" | "date" | "time"}${string}}${infer After}`
      ? { args: A & Record<N, S extends `number${string}` ? number : Date | number>; rest: After }
      : never;
/** `key {text} key {text} … }` */
type Options<S extends string, A extends object> = S extends `}${infer After}`
  ? { args: A; rest: After }
  : S extends `${string}{${infer Body}`
    ? Text<Body, A> extends { args: infer A2 extends object; rest: infer R extends string }
      ? Options<TrimStart<R>, A2>
      : never
    : never;

type Flatten<T> = { [K in keyof T]: T[K] } & {};
type NoneIfEmpty<T> = [keyof T] extends [never] ? Record<string, never> : Flatten<T>;
/** The values a message needs (none for a message without arguments); any, for a plain string. */
export type MessageArgs<S extends string> = string extends S
  ? Record<string, string | number | Date>
  : NoneIfEmpty<Text<S, object>["args"]>;
