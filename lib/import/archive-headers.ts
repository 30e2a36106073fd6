// Archive page headers: the database an archive was exported from prints its page and column
// fields before each story (第3版(), 专栏:, 00005版:文化, 第四版:综合). Page furniture, never a
// kicker or headline (pure).
import { fold } from "./fold";
import type { RuleId } from "./rules";

const NUMERAL = "[0-9一二三四五六七八九十]{1,5}";

const ARCHIVE_HEADERS: RegExp[] = [
  // 第3版(), 第3版（要闻）, 第四版：综合, 第十二版
  new RegExp(`^第\\s*${NUMERAL}\\s*版\\s*(?:（[^（）]{0,12}）)?\\s*(?:[：:]\\s*\\S{0,12})?$`, "u"),
  // 00005版:文化, 0005版
  /^\d{4,5}\s*版\s*(?:[：:]\s*\S{0,12})?$/u,
  // 专栏:, 专栏：, 栏目：  (the field left empty)
  /^(?:专栏|栏目|版名|作者|标题)\s*[：:]\s*$/u,
];

/** `archiveHeader` when the trimmed line is an archive's page or column field, else null. */
export function archiveHeaderRule(line: string): RuleId | null {
  const folded = fold(line.trim()).replace(/\(/gu, "（").replace(/\)/gu, "）");
  return ARCHIVE_HEADERS.some((pattern) => pattern.test(folded)) ? "archiveHeader" : null;
}
