// `/desk/import`: editors turn page text from print or e-paper into stories on an issue page.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ImportDesk } from "@/components/desk/import-desk";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { mayImport } from "@/lib/import/desk";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("importDesk.title") };
}

export default async function ImportPage() {
  const viewer = await requireViewer();
  if (!mayImport(viewer)) forbidden();
  const dictionary = getDictionary(await getRequestLocale());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{dictionary.importDesk.title}</h1>
        <p className="text-sm text-muted">{dictionary.importDesk.intro}</p>
      </div>
      <ImportDesk
        messages={{
          importDesk: dictionary.importDesk,
          errors: dictionary.errors,
          stories: dictionary.stories,
          common: dictionary.common,
        }}
      />
    </div>
  );
}
