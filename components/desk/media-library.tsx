"use client";
// The media library: the upload form, the grid of photos, and editing a photo's text.
import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { updatePhotoInfo } from "@/app/(newsroom)/desk/media/actions";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice, type NoticeValue } from "@/components/ui/notice";
import { errorText, failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { MediaItem } from "@/lib/media";
import {
  MAX_ALT_LENGTH,
  MAX_CAPTION_LENGTH,
  MAX_CREDIT_LENGTH,
  MAX_PHOTO_BYTES,
} from "@/lib/media-limits";

type Photo = MediaItem & { canEdit: boolean };
type Messages = Pick<Dictionary, "media" | "errors">;
type Props = { items: Photo[]; messages: Messages; children?: ReactNode };
type Failure = { ok: false; messageKey?: string; fieldErrors?: Record<string, string[]> };

const input = "w-full rounded border border-rule px-2 py-1";

export function MediaLibrary({ items, messages, children }: Props) {
  const router = useRouter();
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const [uploading, setUploading] = useState(false);
  const m = messages.media;

  async function onUpload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setNotice({ kind: "error", text: errorText(messages.errors, "photo_missing") });
      return;
    }
    if (file.size > MAX_PHOTO_BYTES) {
      setNotice({ kind: "error", text: errorText(messages.errors, "photo_too_large") });
      return;
    }
    setUploading(true);
    setNotice(null);
    try {
      const response = await fetch("/api/media", { method: "POST", body: data });
      const result = (await response.json().catch(() => ({ ok: false }))) as
        | { ok: true; data: MediaItem }
        | Failure;
      if (result.ok) {
        setNotice({ kind: "ok", text: m.uploaded });
        form.reset();
        router.refresh();
      } else {
        setNotice({
          kind: "error",
          text:
            response.status === 413
              ? errorText(messages.errors, "photo_too_large")
              : failureText(messages.errors, result),
        });
      }
    } catch {
      setNotice({ kind: "error", text: errorText(messages.errors, "internal") });
    } finally {
      setUploading(false);
    }
  }

  return (
    <div className="space-y-6">
      <Notice notice={notice} className="min-h-6" />

      <section
        aria-labelledby="upload-title"
        className="rounded-lg border border-rule bg-white p-4"
      >
        <h2 id="upload-title" className="mb-3 font-bold">
          {m.uploadTitle}
        </h2>
        <form onSubmit={onUpload} className="grid gap-3 md:grid-cols-2" noValidate>
          <div className="md:col-span-2">
            <label htmlFor="photo-file" className="block text-sm">
              {m.file}
            </label>
            <input
              id="photo-file"
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-describedby="photo-file-hint"
              className="block text-sm"
            />
            <p id="photo-file-hint" className="mt-1 text-xs text-gray-600">
              {m.fileHint}
            </p>
          </div>
          <div>
            <label htmlFor="photo-caption" className="block text-sm">
              {m.caption}
            </label>
            <input
              id="photo-caption"
              name="caption"
              maxLength={MAX_CAPTION_LENGTH}
              className={input}
            />
          </div>
          <div>
            <label htmlFor="photo-credit" className="block text-sm">
              {m.credit}
            </label>
            <input
              id="photo-credit"
              name="credit"
              maxLength={MAX_CREDIT_LENGTH}
              placeholder={m.creditHint}
              className={input}
            />
          </div>
          <div className="md:col-span-2">
            <label htmlFor="photo-alt" className="block text-sm">
              {m.alt}
            </label>
            <input id="photo-alt" name="alt" maxLength={MAX_ALT_LENGTH} className={input} />
          </div>
          <div>
            <Button variant="compact" type="submit" disabled={uploading}>
              {uploading ? m.uploading : m.upload}
            </Button>
          </div>
        </form>
      </section>

      {children}

      {items.length > 0 ? (
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4">
          {items.map((item) => (
            <PhotoCard
              key={item.id}
              item={item}
              messages={messages}
              onSaved={() => {
                setNotice({ kind: "ok", text: m.saved });
                router.refresh();
              }}
              onFailed={(result) =>
                setNotice({ kind: "error", text: failureText(messages.errors, result) })
              }
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type CardProps = {
  item: Photo;
  messages: Messages;
  onSaved: () => void;
  onFailed: (result: Failure) => void;
};

function PhotoCard({ item, messages, onSaved, onFailed }: CardProps) {
  const format = useFormat();
  const m = messages.media;
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updatePhotoInfo({
        id: item.id,
        caption: data.get("caption"),
        credit: data.get("credit"),
        alt: data.get("alt"),
      });
      if (result.ok) {
        setEditing(false);
        onSaved();
      } else {
        onFailed(result);
      }
    });
  }

  return (
    <li data-testid={`photo-${item.id}`} className="rounded-lg border border-rule bg-white p-2">
      <figure>
        <div className="flex aspect-[4/3] items-center justify-center overflow-hidden bg-desk">
          {/* biome-ignore lint/performance/noImgElement: the library shows our own stored WebP sizes as they are */}
          <img
            src={`/media/${item.id}/320.webp`}
            alt={item.alt ?? ""}
            width={item.width}
            height={item.height}
            loading="lazy"
            className="max-h-full max-w-full object-contain"
          />
        </div>
        <figcaption className="mt-2 space-y-0.5 text-sm">
          <p>{item.caption ?? <span className="text-gray-500">{m.noCaption}</span>}</p>
          {item.credit ? <p className="text-gray-700">{item.credit}</p> : null}
          <p className="text-xs text-gray-500">
            {format(m.dimensions, { width: item.width, height: item.height })}
          </p>
        </figcaption>
      </figure>
      {item.canEdit && !editing ? (
        <button
          type="button"
          onClick={() => setEditing(true)}
          className="mt-2 rounded border border-rule px-2 py-0.5 text-sm"
        >
          {m.edit}
        </button>
      ) : null}
      {editing ? (
        <form onSubmit={onSave} className="mt-2 space-y-2 text-sm">
          <div>
            <label htmlFor={`caption-${item.id}`} className="block">
              {m.caption}
            </label>
            <input
              id={`caption-${item.id}`}
              name="caption"
              defaultValue={item.caption ?? ""}
              maxLength={MAX_CAPTION_LENGTH}
              className={input}
            />
          </div>
          <div>
            <label htmlFor={`credit-${item.id}`} className="block">
              {m.credit}
            </label>
            <input
              id={`credit-${item.id}`}
              name="credit"
              defaultValue={item.credit ?? ""}
              maxLength={MAX_CREDIT_LENGTH}
              className={input}
            />
          </div>
          <div>
            <label htmlFor={`alt-${item.id}`} className="block">
              {m.alt}
            </label>
            <input
              id={`alt-${item.id}`}
              name="alt"
              defaultValue={item.alt ?? ""}
              maxLength={MAX_ALT_LENGTH}
              className={input}
            />
          </div>
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-ink px-2 py-0.5 text-white disabled:opacity-60"
            >
              {pending ? m.saving : m.save}
            </button>
            <button
              type="button"
              onClick={() => setEditing(false)}
              className="rounded border border-rule px-2 py-0.5"
            >
              {m.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
