"use client";
// The first-admin form: name, e-mail, password and the first TOTP code; then the recovery codes.
import { useState, useTransition } from "react";
import { createFirstAdmin } from "@/app/(newsroom)/setup/actions";
import { errorText, failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

type Messages = Pick<Dictionary, "setup" | "mfa" | "errors">;
type Props = { token: string; secret: string; qr: string; messages: Messages };
type Notice = { text: string; fieldErrors?: Record<string, string[]> };

const input = "w-full rounded border border-rule px-3 py-2";

export function SetupForm({ token, secret, qr, messages }: Props) {
  const m = messages.setup;
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
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

  const fieldError = (name: string) => {
    const keys = notice?.fieldErrors?.[name];
    return keys?.length ? (
      <p id={`${name}-error`} className="mt-1 text-xs text-red-700">
        {keys.map((key) => errorText(messages.errors, key)).join(" ")}
      </p>
    ) : null;
  };
  const invalidProps = (name: string) =>
    notice?.fieldErrors?.[name]?.length
      ? { "aria-invalid": true, "aria-describedby": `${name}-error` }
      : {};

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
      <div>
        <label htmlFor="setup-name" className="mb-1 block text-sm font-medium">
          {m.name}
        </label>
        <input
          id="setup-name"
          name="displayName"
          required
          className={input}
          {...invalidProps("displayName")}
        />
        {fieldError("displayName")}
      </div>
      <div>
        <label htmlFor="setup-email" className="mb-1 block text-sm font-medium">
          {m.email}
        </label>
        <input
          id="setup-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className={input}
          {...invalidProps("email")}
        />
        {fieldError("email")}
      </div>
      <div>
        <label htmlFor="setup-password" className="mb-1 block text-sm font-medium">
          {m.password}
        </label>
        <input
          id="setup-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          className={input}
          {...invalidProps("password")}
        />
        <p className="mt-1 text-xs text-muted">{m.passwordHint}</p>
        {fieldError("password")}
      </div>
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
        <div>
          <label htmlFor="setup-code" className="mb-1 block text-sm">
            {messages.mfa.enterCode}
          </label>
          <input
            id="setup-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            className="w-40 rounded border border-rule px-3 py-2 font-mono tracking-widest"
            {...invalidProps("code")}
          />
          {fieldError("code")}
        </div>
      </fieldset>
      <div aria-live="polite" role="status" className="min-h-6 text-sm text-red-700">
        {notice && !notice.fieldErrors ? notice.text : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? m.submitting : m.submit}
      </button>
    </form>
  );
}
