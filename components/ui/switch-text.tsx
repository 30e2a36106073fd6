// The text of a language switch. Its accessible name holds the visible text (WCAG 2.5.3, label in
// name): "切换语言：English" is read, "English" is shown, in the language it names.
type Props = { label: string; switchTo: string; targetLocale: string };

export function SwitchText({ label, switchTo, targetLocale }: Props) {
  return (
    <>
      <span className="sr-only">{label} </span>
      <span lang={targetLocale}>{switchTo}</span>
    </>
  );
}
