"use client";
// Turning on two-step verification: QR code and key, the first code, then the recovery codes once.
import { useState, useTransition } from "react";
import { confirmMfaEnrolment, startMfaEnrolment } from "@/app/(newsroom)/desk/security/actions";
import { Button } from "@/components/ui/button";
import { errorNotice, Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

type Messages = Pick<Dictionary, "mfa" | "errors">;
type Props = { messages: Messages; continueHref: string };
type Step =
  | { kind: "idle" }
  | { kind: "scan"; secret: string; qr: string }
  | { kind: "done"; recoveryCodes: string[] };

export function MfaEnrolment({ messages, continueHref }: Props) {
  const m = messages.mfa;
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function start() {
    setError(null);
    startTransition(async () => {
      const result = await startMfaEnrolment();
      if (result.ok) setStep({ kind: "scan", ...result.data });
      else setError(failureText(messages.errors, result));
    });
  }

  function confirm(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    setError(null);
    startTransition(async () => {
      const result = await confirmMfaEnrolment({ code });
      if (result.ok) setStep({ kind: "done", recoveryCodes: result.data.recoveryCodes });
      else setError(failureText(messages.errors, result));
    });
  }

  return (
    <div className="space-y-4">
      {step.kind !== "done" ? <p className="font-semibold">{m.statusOff}</p> : null}
      {step.kind === "idle" ? (
        <Button variant="primary" onClick={start} disabled={pending}>
          {pending ? m.starting : m.start}
        </Button>
      ) : null}

      {step.kind === "scan" ? (
        <form onSubmit={confirm} className="space-y-4" noValidate>
          <p>{m.scan}</p>
          {/* biome-ignore lint/performance/noImgElement: a data URL drawn on the server */}
          <img
            src={step.qr}
            alt={m.qrAlt}
            width={200}
            height={200}
            className="border border-rule"
          />
          <p className="text-sm">
            {m.manual}{" "}
            <code data-testid="mfa-secret" className="rounded bg-desk px-1 font-mono break-all">
              {step.secret}
            </code>
          </p>
          <div>
            <label htmlFor="mfa-code" className="mb-1 block">
              {m.enterCode}
            </label>
            <input
              id="mfa-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              className="w-40 rounded border border-rule px-3 py-2 font-mono tracking-widest"
            />
          </div>
          <Button variant="primary" type="submit" disabled={pending}>
            {pending ? m.confirming : m.confirm}
          </Button>
        </form>
      ) : null}

      {step.kind === "done" ? (
        <section aria-labelledby="recovery-title" className="space-y-3">
          <p className="text-green-800">{m.enrolled}</p>
          <h2 id="recovery-title" className="font-bold">
            {m.recoveryTitle}
          </h2>
          <p className="text-sm">{m.recoveryIntro}</p>
          <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
            {step.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <a href={continueHref} className="inline-block rounded bg-ink px-4 py-2 text-white">
            {m.continueToDesk}
          </a>
        </section>
      ) : null}

      <Notice notice={errorNotice(error)} className="min-h-6 text-sm" />
    </div>
  );
}
