// A form field of the desk: its label, the control, an optional hint and its errors. The label
// names the control (e2e selects it by that name); the hint and errors are tied to it with
// aria-describedby, and the control is marked invalid while it has errors.
import type { ReactNode } from "react";

/** What the field hands its control: spread onto the `<input>` or `<select>`. */
export type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

type Props = {
  /** The control's id (the label's htmlFor). */
  id: string;
  /** The form field's name: the hint's and errors' ids are `<name>-hint` and `<name>-error`. */
  name: string;
  label: ReactNode;
  /** The field's errors, in the user's language; none when valid. */
  errors?: readonly string[];
  hint?: ReactNode;
  labelClassName?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

export function Field(props: Props) {
  const { id, name, label, errors, hint, labelClassName = "block text-sm", className } = props;
  const invalid = errors !== undefined && errors.length > 0;
  const describedBy = [hint ? `${name}-hint` : null, invalid ? `${name}-error` : null]
    .filter(Boolean)
    .join(" ");
  const control: ControlProps = {
    id,
    ...(invalid ? { "aria-invalid": true } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {props.children(control)}
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
