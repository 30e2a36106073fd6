"use client";
// Change one's own password: on the account page, and as the forced step after an admin's reset.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changePassword } from "@/app/(newsroom)/desk/account/actions";
import { errorText, failureText } from "@/lib/errors";
import { type Dictionary, format } from "@/lib/i18n/dictionary";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

type Messages = Pick<Dictionary, "account" | "errors">;
type Props = {
  messages: Messages;
  /** `forced`: the step after sign-in; on success the desk opens. */
  mode: "account" | "forced";
};
type Notice = { kind: "ok" | "error"; text: string; fieldErrors?: Record<string, string[]> };

const input = "w-full rounded border border-rule px-3 py-2";

export function PasswordForm({ messages, mode }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const m = messages.account;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await changePassword({
        currentPassword: data.get("currentPassword"),
        newPassword: data.get("newPassword"),
      });
      if (result.ok) {
        form.reset();
        if (mode === "forced") {
          router.replace("/desk");
          router.refresh();
          return;
        }
        setNotice({ kind: "ok", text: format(m.changed, { count: result.data.endedSessions }) });
        router.refresh();
      } else {
        setNotice({
          kind: "error",
          text: failureText(messages.errors, result),
          fieldErrors: result.fieldErrors,
        });
      }
    });
  }

  const field = (name: "currentPassword" | "newPassword", label: string, hint?: string) => {
    const errors = notice?.fieldErrors?.[name];
    const described = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null]
      .filter(Boolean)
      .join(" ");
    return (
      <div>
        <label htmlFor={name} className="mb-1 block text-sm font-medium">
          {label}
        </label>
        <input
          id={name}
          name={name}
          type="password"
          required
          autoComplete={name === "newPassword" ? "new-password" : "current-password"}
          {...(name === "newPassword"
            ? { minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }
            : {})}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={described || undefined}
          className={input}
        />
        {hint ? (
          <p id={`${name}-hint`} className="mt-1 text-xs text-muted">
            {hint}
          </p>
        ) : null}
        {errors?.length ? (
          <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
            {errors.map((key) => errorText(messages.errors, key)).join(" ")}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {field("currentPassword", mode === "forced" ? m.forcedCurrent : m.currentPassword)}
      {field("newPassword", m.newPassword, m.newPasswordHint)}
      <div aria-live="polite" role="status" className="min-h-6 text-sm">
        {notice ? (
          <p className={notice.kind === "ok" ? "text-green-800" : "text-red-700"}>{notice.text}</p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? m.changing : mode === "forced" ? m.forcedSubmit : m.changePassword}
      </button>
    </form>
  );
}
