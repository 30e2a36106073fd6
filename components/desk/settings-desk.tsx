"use client";
// The admin's settings page: the paper's settings form (review levels included) and its desks.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  createDesk,
  removeDeskMember,
  saveSettings,
  setDeskMember,
} from "@/app/(newsroom)/desk/settings/actions";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice, type NoticeValue } from "@/components/ui/notice";
import { LOCALES } from "@/lib/domain/locales";
import { type ActionResult, failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { Role } from "@/lib/permissions";
import type { FullSettings } from "@/lib/settings";
import {
  DESK_ROLES,
  type DeskRoleName,
  LEVEL_PASSERS,
  type LevelPasser,
  levelKey,
  MAX_REVIEW_LEVELS,
} from "@/lib/workflow/levels";

type Messages = Pick<
  Dictionary,
  "paperSettings" | "desks" | "workflow" | "errors" | "roles" | "common"
>;
type Desk = {
  id: number;
  name: string;
  members: { userId: number; displayName: string; role: DeskRoleName }[];
};
type Person = { id: number; displayName: string; role: Role };
type Props = { settings: FullSettings; desks: Desk[]; people: Person[]; messages: Messages };

const input = "rounded border border-rule px-2 py-1";

export function SettingsDesk({ settings, desks, people, messages }: Props) {
  const format = useFormat();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const [levels, setLevels] = useState<LevelPasser[]>(settings.reviewLevels.map((l) => l.passer));
  const m = messages.paperSettings;
  const d = messages.desks;
  const levelName = (n: number, total: number) =>
    format(messages.workflow.levels[levelKey(n, total)], { n });

  function run(action: () => Promise<ActionResult<unknown>>, success: string, onDone?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setNotice({ kind: "ok", text: success });
        onDone?.();
        router.refresh();
      } else {
        setNotice({ kind: "error", text: failureText(messages.errors, result) });
      }
    });
  }

  function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(
      () =>
        saveSettings({
          paperName: data.get("paperName"),
          timezone: data.get("timezone"),
          defaultLocale: data.get("defaultLocale"),
          reviewLevels: levels.map((passer) => ({ passer })),
          allowSamePasser: data.get("allowSamePasser") === "on",
          proofRounds: data.get("proofRounds"),
        }),
      m.saved,
    );
  }

  function onCreateDesk(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    run(
      () => createDesk({ name }),
      format(d.created, { name: name.trim() }),
      () => form.reset(),
    );
  }

  function onAddMember(deskId: number, event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(
      () => setDeskMember({ deskId, userId: data.get("userId"), role: data.get("role") }),
      d.saved,
    );
  }

  return (
    <div className="space-y-6">
      <Notice notice={notice} className="min-h-6" />

      <form
        onSubmit={onSave}
        aria-labelledby="paper-settings-title"
        className="space-y-4 rounded-lg border border-rule bg-white p-4"
        noValidate
      >
        <h2 id="paper-settings-title" className="font-bold">
          {m.title}
        </h2>
        <div className="grid gap-3 md:grid-cols-3">
          <label className="block text-sm">
            {m.paperName}
            <input
              name="paperName"
              defaultValue={settings.paperName}
              className={`${input} block w-full`}
            />
          </label>
          <label className="block text-sm">
            {m.timezone}
            <input
              name="timezone"
              defaultValue={settings.timezone}
              className={`${input} block w-full`}
            />
          </label>
          <label className="block text-sm">
            {m.language}
            <select
              name="defaultLocale"
              defaultValue={settings.defaultLocale}
              className={`${input} block w-full`}
            >
              {LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {locale}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="space-y-2">
          <legend className="font-semibold">{m.levelsTitle}</legend>
          <p className="text-sm text-muted">{m.levelsHint}</p>
          <ol className="space-y-2">
            {levels.map((passer, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a review level is its position
              <li key={i} className="flex items-center gap-2 text-sm">
                <span className="w-24">{levelName(i + 1, levels.length)}</span>
                <label className="flex items-center gap-2">
                  {m.passer}
                  <select
                    aria-label={`${levelName(i + 1, levels.length)} · ${m.passer}`}
                    value={passer}
                    onChange={(e) =>
                      setLevels(
                        levels.map((p, j) => (j === i ? (e.target.value as LevelPasser) : p)),
                      )
                    }
                    className={input}
                  >
                    {LEVEL_PASSERS.map((p) => (
                      <option key={p} value={p}>
                        {messages.workflow.passers[p]}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ol>
          <div className="flex gap-2 text-sm">
            <button
              type="button"
              className="rounded border border-rule px-2 py-1 disabled:opacity-50"
              disabled={levels.length >= MAX_REVIEW_LEVELS}
              onClick={() => setLevels([...levels, "chief_editor"])}
            >
              {m.addLevel}
            </button>
            <button
              type="button"
              className="rounded border border-rule px-2 py-1 disabled:opacity-50"
              disabled={levels.length <= 1}
              onClick={() => setLevels(levels.slice(0, -1))}
            >
              {m.removeLevel}
            </button>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="allowSamePasser"
              defaultChecked={settings.allowSamePasser}
            />
            {m.allowSamePasser}
          </label>
        </fieldset>
        <label className="block text-sm">
          {m.proofRounds}
          <input
            name="proofRounds"
            type="number"
            min={1}
            max={5}
            defaultValue={settings.proofRounds}
            className={`${input} block w-24`}
          />
        </label>
        <Button variant="accent" type="submit" disabled={pending}>
          {m.save}
        </Button>
      </form>

      <section
        aria-labelledby="desks-title"
        className="space-y-4 rounded-lg border border-rule bg-white p-4"
      >
        <h2 id="desks-title" className="font-bold">
          {d.title}
        </h2>
        <p className="text-sm text-muted">{d.intro}</p>
        <form onSubmit={onCreateDesk} className="flex items-end gap-2" noValidate>
          <label className="block text-sm">
            {d.name}
            <input name="name" className={`${input} block`} />
          </label>
          <Button variant="accent" type="submit" disabled={pending}>
            {d.create}
          </Button>
        </form>
        {desks.length === 0 ? <p className="text-muted">{d.none}</p> : null}
        {desks.map((desk) => (
          <section
            key={desk.id}
            aria-label={desk.name}
            className="rounded border border-rule p-3"
            data-testid={`desk-${desk.id}`}
          >
            <h3 className="font-semibold">{desk.name}</h3>
            {desk.members.length === 0 ? (
              <p className="text-sm text-muted">{d.noMembers}</p>
            ) : (
              <ul className="mt-2 space-y-1 text-sm">
                {desk.members.map((member) => (
                  <li key={member.userId} className="flex items-center gap-3">
                    <span>
                      {member.displayName} · {d.roles[member.role]}
                    </span>
                    <button
                      type="button"
                      className="text-accent hover:underline"
                      disabled={pending}
                      onClick={() =>
                        run(
                          () => removeDeskMember({ deskId: desk.id, userId: member.userId }),
                          d.saved,
                        )
                      }
                    >
                      {d.remove}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form
              onSubmit={(e) => onAddMember(desk.id, e)}
              className="mt-3 flex flex-wrap items-end gap-2 text-sm"
            >
              <label>
                {d.person}
                <select name="userId" className={`${input} block`}>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {format(messages.common.withNote, {
                        text: p.displayName,
                        note: messages.roles[p.role],
                      })}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {d.role}
                <select name="role" defaultValue="editor" className={`${input} block`}>
                  {DESK_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {d.roles[role]}
                    </option>
                  ))}
                </select>
              </label>
              <Button variant="accent" type="submit" disabled={pending}>
                {d.addMember}
              </Button>
            </form>
          </section>
        ))}
      </section>
    </div>
  );
}
