"use client";
// The admin's people table and new-account form.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  changeRole,
  createUser,
  resetMfa,
  resetPassword,
  setActive,
} from "@/app/(newsroom)/desk/people/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { type ActionResult, failureText, fieldErrorTexts } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";
import { ROLES, type Role } from "@/lib/permissions";

type Person = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  isActive: boolean;
  mfaEnrolled: boolean;
};
type Messages = Pick<Dictionary, "people" | "errors" | "roles" | "mfa">;
type Props = { people: Person[]; viewerId: number; messages: Messages };
type Outcome = { kind: "ok" | "error"; text: string; fieldErrors?: Record<string, string[]> };

const input = "rounded border border-rule px-2 py-1";

export function PeopleDesk({ people, viewerId, messages }: Props) {
  const format = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Outcome | null>(null);
  const m = messages.people;

  function run(
    action: () => Promise<ActionResult<{ email: string }>>,
    success: (email: string) => string,
    onDone?: () => void,
  ) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setNotice({ kind: "ok", text: success(result.data.email) });
        onDone?.();
        router.refresh();
      } else {
        const fieldErrors = result.fieldErrors;
        setNotice({
          kind: "error",
          text: failureText(messages.errors, result),
          fieldErrors,
        });
      }
    });
  }

  function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    run(
      () =>
        createUser({
          email: data.get("email"),
          displayName: data.get("displayName"),
          role: data.get("role"),
          password: data.get("password"),
        }),
      (email) => format(m.created, { email }),
      () => form.reset(),
    );
  }

  const errorsOf = (name: string) => fieldErrorTexts(messages.errors, notice?.fieldErrors, name);

  return (
    <div className="space-y-6">
      <Notice notice={notice} />

      <section
        aria-labelledby="create-title"
        className="rounded-lg border border-rule bg-white p-4"
      >
        <h2 id="create-title" className="mb-3 font-bold">
          {m.createTitle}
        </h2>
        <form onSubmit={onCreate} className="grid gap-3 md:grid-cols-5 md:items-end" noValidate>
          <Field id="new-email" name="email" label={m.email} errors={errorsOf("email")}>
            {(control) => (
              <input
                {...control}
                name="email"
                type="email"
                required
                className={`${input} w-full`}
              />
            )}
          </Field>
          <Field id="new-name" name="displayName" label={m.name} errors={errorsOf("displayName")}>
            {(control) => (
              <input {...control} name="displayName" required className={`${input} w-full`} />
            )}
          </Field>
          <Field id="new-role" name="role" label={m.role} errors={errorsOf("role")}>
            {(control) => (
              <select
                {...control}
                name="role"
                defaultValue="reporter"
                className={`${input} w-full`}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {messages.roles[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="new-password" name="password" label={m.password} errors={errorsOf("password")}>
            {(control) => (
              <input
                {...control}
                name="password"
                type="password"
                autoComplete="new-password"
                minLength={MIN_PASSWORD_LENGTH}
                required
                className={`${input} w-full`}
              />
            )}
          </Field>
          <Button type="submit" variant="compact" disabled={pending}>
            {pending ? m.saving : m.create}
          </Button>
        </form>
      </section>

      <div className="overflow-x-auto rounded-lg border border-rule bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-desk">
            <tr>
              <th scope="col" className="p-2">
                {m.name}
              </th>
              <th scope="col" className="p-2">
                {m.email}
              </th>
              <th scope="col" className="p-2">
                {m.role}
              </th>
              <th scope="col" className="p-2">
                {m.status}
              </th>
              <th scope="col" className="p-2">
                {messages.mfa.column}
              </th>
              <th scope="col" className="p-2">
                {m.actions}
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <UserRow
                key={person.id}
                person={person}
                isSelf={person.id === viewerId}
                messages={messages}
                pending={pending}
                onChangeRole={(role) =>
                  run(
                    () => changeRole({ userId: person.id, role }),
                    (email) => format(m.roleChanged, { email, role: messages.roles[role] }),
                  )
                }
                onSetActive={(active) =>
                  run(
                    () => setActive({ userId: person.id, active }),
                    (email) => format(active ? m.reactivated : m.deactivated, { email }),
                  )
                }
                onResetMfa={() =>
                  run(
                    () => resetMfa({ userId: person.id }),
                    (email) => format(messages.mfa.resetDone, { email }),
                  )
                }
                onResetPassword={(password, done) =>
                  run(
                    () => resetPassword({ userId: person.id, password }),
                    (email) => format(m.passwordReset, { email }),
                    done,
                  )
                }
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type RowProps = {
  person: Person;
  isSelf: boolean;
  messages: Messages;
  pending: boolean;
  onChangeRole: (role: Role) => void;
  onSetActive: (active: boolean) => void;
  onResetPassword: (password: string, done: () => void) => void;
  onResetMfa: () => void;
};

function UserRow({
  person,
  isSelf,
  messages,
  pending,
  onChangeRole,
  onSetActive,
  onResetPassword,
  onResetMfa,
}: RowProps) {
  const m = messages.people;
  const [role, setRole] = useState<Role>(person.role);
  const [password, setPassword] = useState("");
  return (
    <tr className="border-t border-rule align-top" data-testid={`person-${person.email}`}>
      <td className="p-2">
        {person.displayName}
        {isSelf ? m.you : null}
      </td>
      <td className="p-2">{person.email}</td>
      <td className="p-2">
        <div className="flex gap-1">
          <label className="sr-only" htmlFor={`role-${person.id}`}>
            {m.role}
          </label>
          <select
            id={`role-${person.id}`}
            value={role}
            disabled={isSelf}
            onChange={(e) => setRole(e.target.value as Role)}
            className={input}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {messages.roles[r]}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={isSelf || pending || role === person.role}
            onClick={() => onChangeRole(role)}
            className="rounded border border-rule px-2 disabled:opacity-40"
          >
            {m.changeRole}
          </button>
        </div>
      </td>
      <td className="p-2">{person.isActive ? m.active : m.inactive}</td>
      <td className="space-y-1 p-2">
        <div>{person.mfaEnrolled ? messages.mfa.on : messages.mfa.off}</div>
        {person.mfaEnrolled && !isSelf ? (
          <button
            type="button"
            disabled={pending}
            onClick={onResetMfa}
            className="rounded border border-rule px-2 py-0.5 disabled:opacity-40"
          >
            {messages.mfa.reset}
          </button>
        ) : null}
      </td>
      <td className="space-y-2 p-2">
        <button
          type="button"
          disabled={isSelf || pending}
          onClick={() => onSetActive(!person.isActive)}
          className="rounded border border-rule px-2 py-0.5 disabled:opacity-40"
        >
          {person.isActive ? m.deactivate : m.reactivate}
        </button>
        <div className="flex gap-1">
          <label className="sr-only" htmlFor={`password-${person.id}`}>
            {m.newPassword}
          </label>
          <input
            id={`password-${person.id}`}
            type="password"
            autoComplete="new-password"
            placeholder={m.newPassword}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={`${input} w-32`}
          />
          <button
            type="button"
            disabled={pending || password.length === 0}
            onClick={() => onResetPassword(password, () => setPassword(""))}
            className="rounded border border-rule px-2 disabled:opacity-40"
          >
            {m.resetPassword}
          </button>
        </div>
      </td>
    </tr>
  );
}
