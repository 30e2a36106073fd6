// `/desk/stories/new`: start a story, blank or from a Word file.
import type { Metadata } from "next";
import { NewStoryForms } from "@/components/desk/new-story-forms";
import { listMyDesks } from "@/lib/desks";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("stories.newTitle") };
}

export default async function NewStoryPage() {
  const viewer = await requireViewer();
  const dictionary = getDictionary(await getRequestLocale());
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">{dictionary.stories.newTitle}</h1>
      <NewStoryForms
        desks={listMyDesks(viewer.id)}
        messages={{
          stories: dictionary.stories,
          errors: dictionary.errors,
          workflow: dictionary.workflow,
        }}
      />
    </div>
  );
}
