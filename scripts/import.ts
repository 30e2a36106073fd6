// `npm run import -- <file-or-folder> [--json] [--into <date>/<page>] [--draft] [--page-name <name>]`
import { runImportCommand } from "./import-command";

const code = runImportCommand(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
process.exitCode = code;
