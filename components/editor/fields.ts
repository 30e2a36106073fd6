// The editor's headline and byline fields as the form holds them, and their conversion to
// what the server takes.
import { splitNames } from "@/lib/byline";
import type { Byline, StoryKind } from "@/lib/domain/story";

export type EditorFields = {
  kind: StoryKind;
  kicker: string;
  headline: string;
  subheadline: string;
  dateline: string;
  reporters: string;
  correspondents: string;
  photographers: string;
  credit: string;
};

export function fieldsFromStory(story: {
  kind: StoryKind;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  byline: Byline;
}): EditorFields {
  return {
    kind: story.kind,
    kicker: story.kicker ?? "",
    headline: story.headline,
    subheadline: story.subheadline ?? "",
    dateline: story.byline.dateline ?? "",
    reporters: story.byline.reporters.join(" "),
    correspondents: story.byline.correspondents.join(" "),
    photographers: story.byline.photographers.join(" "),
    credit: story.byline.credit ?? "",
  };
}

export function payloadOf(fields: EditorFields) {
  return {
    kind: fields.kind,
    kicker: fields.kicker || null,
    headline: fields.headline,
    subheadline: fields.subheadline || null,
    byline: {
      dateline: fields.dateline || null,
      agency: null,
      reporters: splitNames(fields.reporters),
      correspondents: splitNames(fields.correspondents),
      photographers: splitNames(fields.photographers),
      credit: fields.credit || null,
    },
  };
}

export function sameFields(a: EditorFields, b: EditorFields): boolean {
  return (Object.keys(a) as (keyof EditorFields)[]).every((k) => a[k] === b[k]);
}
