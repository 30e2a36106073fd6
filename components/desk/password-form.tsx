"use client";
// Change one's own password: on the account page, and as the forced step after an admin's reset.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changePassword } from "@/app/(newsroom)/desk/account/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { failureText, fieldErrorTexts } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

type Messages = Pick<Dictionary, "account" | "errors">;
type Props = {
  messages: Messages;
  /** `forced`: the step after sign-in; on success the desk opens. */
  mode: "account" | "forced";
};
type Outcome = { kind: "ok" | "error"; text: string; fieldErrors?: Record<string, string[]> };

const input = "w-full rounded border border-rule px-3 py-2";

export function PasswordForm({ messages, mode }: Props) {
  const format = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Outcome | null>(null);
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

  const field = (name: "currentPassword" | "newPassword", label: string, hint?: string) => (
    <Field
      id={name}
      name={name}
      label={label}
      hint={hint}
      errors={fieldErrorTexts(messages.errors, notice?.fieldErrors, name)}
      labelClassName="mb-1 block text-sm font-medium"
    >
      {(control) => (
        <input
          {...control}
          name={name}
          type="password"
          required
          autoComplete={name === "newPassword" ? "new-password" : "current-password"}
          {...(name === "newPassword"
            ? { minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH }
            : {})}
          className={input}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      {field("currentPassword", mode === "forced" ? m.forcedCurrent : m.currentPassword)}
      {field("newPassword", m.newPassword, m.newPasswordHint)}
      <Notice notice={notice} className="min-h-6 text-sm" />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? m.changing : mode === "forced" ? m.forcedSubmit : m.changePassword}
      </Button>
    </form>
  );
}
