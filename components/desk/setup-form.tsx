"use client";
// The first-admin form: name, e-mail, password and the first TOTP code; then the recovery codes.
import { useState, useTransition } from "react";
import { createFirstAdmin } from "@/app/(newsroom)/setup/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { failureText, fieldErrorTexts } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

type Messages = Pick<Dictionary, "setup" | "mfa" | "errors">;
type Props = { token: string; secret: string; qr: string; messages: Messages };
type Outcome = { text: string; fieldErrors?: Record<string, string[]> };

const input = "w-full rounded border border-rule px-3 py-2";

export function SetupForm({ token, secret, qr, messages }: Props) {
  const m = messages.setup;
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Outcome | null>(null);
  const [done, setDone] = useState<string[] | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await createFirstAdmin({
        token,
        displayName: data.get("displayName"),
        email: data.get("email"),
        password: data.get("password"),
        code: data.get("code"),
      });
      if (result.ok) setDone(result.data.recoveryCodes);
      else
        setNotice({ text: failureText(messages.errors, result), fieldErrors: result.fieldErrors });
    });
  }

  const errorsOf = (name: string) => fieldErrorTexts(messages.errors, notice?.fieldErrors, name);
  const label = "mb-1 block text-sm font-medium";

  if (done) {
    return (
      <section aria-labelledby="setup-done" className="space-y-3">
        <h2 id="setup-done" className="text-xl font-bold text-green-800">
          {m.doneTitle}
        </h2>
        <p className="text-sm">{m.doneIntro}</p>
        <h3 className="font-bold">{messages.mfa.recoveryTitle}</h3>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
          {done.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <a href="/login" className="inline-block rounded bg-ink px-4 py-2 text-white">
          {m.signIn}
        </a>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        id="setup-name"
        name="displayName"
        label={m.name}
        errors={errorsOf("displayName")}
        labelClassName={label}
      >
        {(control) => <input {...control} name="displayName" required className={input} />}
      </Field>
      <Field
        id="setup-email"
        name="email"
        label={m.email}
        errors={errorsOf("email")}
        labelClassName={label}
      >
        {(control) => (
          <input
            {...control}
            name="email"
            type="email"
            autoComplete="username"
            required
            className={input}
          />
        )}
      </Field>
      <Field
        id="setup-password"
        name="password"
        label={m.password}
        hint={m.passwordHint}
        errors={errorsOf("password")}
        labelClassName={label}
      >
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
            className={input}
          />
        )}
      </Field>
      <fieldset className="space-y-3 rounded border border-rule p-3">
        <legend className="px-1 font-semibold">{m.mfaTitle}</legend>
        <p className="text-sm">{messages.mfa.scan}</p>
        {/* biome-ignore lint/performance/noImgElement: a data URL drawn on the server */}
        <img
          src={qr}
          alt={messages.mfa.qrAlt}
          width={200}
          height={200}
          className="border border-rule"
        />
        <p className="text-sm">
          {messages.mfa.manual}{" "}
          <code data-testid="mfa-secret" className="rounded bg-desk px-1 font-mono break-all">
            {secret}
          </code>
        </p>
        <Field
          id="setup-code"
          name="code"
          label={messages.mfa.enterCode}
          errors={errorsOf("code")}
          labelClassName="mb-1 block text-sm"
        >
          {(control) => (
            <input
              {...control}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              className="w-40 rounded border border-rule px-3 py-2 font-mono tracking-widest"
            />
          )}
        </Field>
      </fieldset>
      <Notice
        notice={notice && !notice.fieldErrors ? { kind: "error", text: notice.text } : null}
        className="min-h-6 text-sm"
      />
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? m.submitting : m.submit}
      </Button>
    </form>
  );
}
