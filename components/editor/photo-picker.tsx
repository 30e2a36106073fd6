"use client";
// Choose a photo from the media library (or upload one) to insert into the story body.
import { useCallback, useEffect, useRef, useState } from "react";
import { errorNotice, Notice } from "@/components/ui/notice";
import { errorText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

export type PickedPhoto = {
  id: number;
  width: number;
  height: number;
  caption: string | null;
  credit: string | null;
  alt: string | null;
  /** Stored widths, smallest first. */
  sizes?: number[];
};

type Props = {
  messages: Pick<Dictionary, "editor" | "errors">;
  onPick: (photo: PickedPhoto) => void;
  onClose: () => void;
};

export function PhotoPicker({ messages, onPick, onClose }: Props) {
  const m = messages.editor;
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState("");
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const search = useCallback(async (q: string) => {
    const response = await fetch(`/api/media?q=${encodeURIComponent(q)}`).catch(() => null);
    const result = (await response?.json().catch(() => null)) as {
      ok: boolean;
      data?: PickedPhoto[];
    } | null;
    setPhotos(result?.ok && result.data ? result.data : []);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => void search(query), 250);
    return () => clearTimeout(timer);
  }, [query, search]);

  async function upload(file: File) {
    setUploading(true);
    setError(null);
    const form = new FormData();
    form.set("file", file);
    const response = await fetch("/api/media", { method: "POST", body: form }).catch(() => null);
    const result = (await response?.json().catch(() => null)) as
      | { ok: true; data: PickedPhoto }
      | { ok: false; messageKey: string }
      | null;
    setUploading(false);
    if (result?.ok) onPick(result.data);
    else setError(errorText(messages.errors, result?.messageKey ?? "internal"));
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="photo-picker-title"
      className="m-auto w-[min(48rem,95vw)] rounded-lg p-0 backdrop:bg-black/40"
    >
      <div className="space-y-3 p-4">
        <div className="flex items-center justify-between">
          <h2 id="photo-picker-title" className="font-bold">
            {m.pickerTitle}
          </h2>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded border border-rule px-2"
          >
            {m.pickerClose}
          </button>
        </div>
        <div className="flex flex-wrap gap-3">
          <label className="flex-1">
            <span className="sr-only">{m.pickerSearch}</span>
            <input
              type="search"
              value={query}
              placeholder={m.pickerSearch}
              onChange={(e) => setQuery(e.target.value)}
              className="w-full rounded border border-rule px-2 py-1"
            />
          </label>
          <label className="cursor-pointer rounded border border-rule px-2 py-1">
            {uploading ? m.pickerUploading : m.pickerUpload}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="sr-only"
              disabled={uploading}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
        </div>
        <Notice notice={errorNotice(error)} className="min-h-5 text-sm" />
        {photos.length === 0 ? (
          <p className="text-sm text-muted">{m.pickerEmpty}</p>
        ) : (
          <ul className="grid max-h-96 grid-cols-2 gap-3 overflow-y-auto sm:grid-cols-4">
            {photos.map((photo) => (
              <li key={photo.id}>
                <button
                  type="button"
                  onClick={() => onPick(photo)}
                  className="w-full rounded border border-rule p-1 text-left text-xs hover:border-ink"
                >
                  {/* biome-ignore lint/performance/noImgElement: desk thumbnails come from our own media route */}
                  <img
                    src={`/media/${photo.id}/${photo.sizes?.[0] ?? "original"}.webp`}
                    alt={photo.alt ?? photo.caption ?? ""}
                    className="aspect-[4/3] w-full object-cover"
                  />
                  <span className="line-clamp-2">{photo.caption}</span>
                  <span className="text-muted">{photo.credit}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}
