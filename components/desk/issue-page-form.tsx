"use client";
// The layout desk's page form: a new page, or the chosen page's name, banner, editor and desk.
import { useState } from "react";
import { buttonClass, type DeskOption, inputClass } from "@/components/desk/issue-layout-shared";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { IssueLayout, LayoutPage } from "@/lib/issues";

export type PageFields = {
  name: string;
  banner: string | null;
  editorId: number | null;
  deskId: number | null;
};

export function PageForm({
  title,
  messages: m,
  deskMessages,
  editors,
  desks,
  initial,
  pending,
  onSubmit,
}: {
  title: string;
  messages: Dictionary["issues"];
  deskMessages: Dictionary["deskMoves"];
  editors: IssueLayout["editors"];
  desks: DeskOption[];
  /** The page being edited; for a new page, only the desk it starts with. */
  initial?: Partial<Pick<LayoutPage, "id" | "name" | "banner" | "editorId" | "deskId">>;
  pending: boolean;
  onSubmit: (fields: PageFields) => void;
}) {
  const editing = initial?.id !== undefined;
  const [name, setName] = useState(initial?.name ?? "");
  const [banner, setBanner] = useState(initial?.banner ?? "");
  const [editorId, setEditorId] = useState(initial?.editorId ? String(initial.editorId) : "");
  const [deskId, setDeskId] = useState(initial?.deskId ? String(initial.deskId) : "");
  const idBase = editing ? "page-edit" : "page-new";
  return (
    <form
      className="space-y-2 text-sm"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          name,
          banner: banner || null,
          editorId: editorId ? Number(editorId) : null,
          deskId: deskId ? Number(deskId) : null,
        });
        if (!editing) {
          setName("");
          setBanner("");
        }
      }}
    >
      {!editing ? <h3 className="font-semibold">{title}</h3> : null}
      <div>
        <label htmlFor={`${idBase}-name`} className="block">
          {m.pageName}
        </label>
        <input
          id={`${idBase}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={40}
          className={`${inputClass} w-full`}
          lang="zh-CN"
        />
      </div>
      <div>
        <label htmlFor={`${idBase}-banner`} className="block">
          {m.banner}
        </label>
        <input
          id={`${idBase}-banner`}
          value={banner}
          onChange={(e) => setBanner(e.target.value)}
          maxLength={200}
          className={`${inputClass} w-full`}
          lang="zh-CN"
        />
      </div>
      <div>
        <label htmlFor={`${idBase}-editor`} className="block">
          {m.editor}
        </label>
        <select
          id={`${idBase}-editor`}
          value={editorId}
          onChange={(e) => setEditorId(e.target.value)}
          className={`${inputClass} w-full`}
        >
          <option value="">{m.noEditor}</option>
          {editors.map((editor) => (
            <option key={editor.id} value={editor.id}>
              {editor.displayName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idBase}-desk`} className="block">
          {deskMessages.desk}
        </label>
        <select
          id={`${idBase}-desk`}
          value={deskId}
          onChange={(e) => setDeskId(e.target.value)}
          className={`${inputClass} w-full`}
        >
          <option value="">{deskMessages.noDesk}</option>
          {desks.map((desk) => (
            <option key={desk.id} value={desk.id}>
              {desk.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending || !name.trim()} className={buttonClass}>
        {editing ? m.save : m.addPage}
      </button>
    </form>
  );
}
