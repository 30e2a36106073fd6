// The desk's buttons: one component, a few looks (each the class list the desk already used).
import type { ButtonHTMLAttributes } from "react";

export const BUTTON_VARIANTS = {
  /** A form's main action (change password, create the first admin). */
  primary: "rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60",
  /** A main action inside a denser form (create an account). */
  compact: "rounded bg-ink px-3 py-1.5 text-white disabled:opacity-60",
  /** A form's main action beside other forms (new story, new issue). */
  strong: "rounded bg-ink px-3 py-1.5 font-semibold text-white disabled:opacity-50",
  /** The settings page's save and add buttons. */
  accent: "rounded bg-accent px-3 py-1 text-white disabled:opacity-50",
  /** A bordered secondary action (the layout, proofreading and story side panels). */
  outline: "rounded border border-rule px-2 py-1 disabled:opacity-40",
} as const;
export type ButtonVariant = keyof typeof BUTTON_VARIANTS;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/** A `<button>` (type "button" unless told): its text is its accessible name, as before. */
export function Button({ variant = "outline", className, type = "button", ...props }: Props) {
  const classes = className ? `${BUTTON_VARIANTS[variant]} ${className}` : BUTTON_VARIANTS[variant];
  return <button type={type} className={classes} {...props} />;
}
