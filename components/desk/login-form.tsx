"use client";
// The sign-in form: next-auth credentials, with the refusal shown in the user's language. When
// the account has two-step verification the server answers "mfa_required" without opening a
// session; the form then asks for the code and sends all three together.
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useRef, useState } from "react";
import { useFormat } from "@/components/ui/locale-provider";
import type { Dictionary, Format } from "@/lib/i18n/dictionary";

type Props = { callbackUrl: string; messages: Dictionary["login"]; mfa: Dictionary["mfa"] };

/** The message for next-auth's error: "invalid", or "throttled:<seconds>" (lib/auth.ts). */
function refusal(
  error: string | null | undefined,
  messages: Dictionary["login"],
  format: Format,
): string {
  const throttled = /^throttled:(\d+)$/.exec(error ?? "");
  if (throttled) return format(messages.throttled, { seconds: Number(throttled[1]) });
  if (error === "invalid" || error === "CredentialsSignin") return messages.invalid;
  return messages.failed;
}

export function LoginForm({ callbackUrl, messages, mfa }: Props) {
  const format = useFormat();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [askCode, setAskCode] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        ...(askCode ? { code: String(form.get("code") ?? "") } : {}),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      if (result?.error === "mfa_required" || result?.error === "mfa_invalid") {
        setAskCode(true);
        setError(result.error === "mfa_required" ? mfa.loginCodeRequired : mfa.loginCodeInvalid);
        setPending(false);
        setTimeout(() => {
          if (codeInput.current) {
            codeInput.current.value = "";
            codeInput.current.focus();
          }
        });
        return;
      }
      setError(refusal(result?.error, messages, format));
    } catch {
      setError(messages.failed);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">
          {messages.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="w-full rounded border border-rule px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">
          {messages.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full rounded border border-rule px-3 py-2"
        />
      </div>
      {askCode ? (
        <div>
          <label htmlFor="code" className="mb-1 block text-sm font-medium">
            {mfa.loginCode}
          </label>
          <input
            ref={codeInput}
            id="code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            required
            aria-describedby="code-hint"
            className="w-full rounded border border-rule px-3 py-2 font-mono"
          />
          <p id="code-hint" className="mt-1 text-xs text-muted">
            {mfa.loginCodeHint}
          </p>
        </div>
      ) : null}
      <div aria-live="polite" role="status" className="min-h-6 text-sm text-red-700">
        {error}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {pending ? messages.submitting : askCode ? mfa.verify : messages.submit}
      </button>
    </form>
  );
}
