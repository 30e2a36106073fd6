// `npm run user -- reset-password <email>`: for operators (production included). Sets a random
// temporary password, prints it once, makes the user choose a new one at their next sign-in
// and ends every session of theirs. Use it for the demo accounts before going live.
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { resetPasswordFromCommandLine } from "@/lib/users";

const USAGE = "usage: npm run user -- reset-password <email>";

async function main(): Promise<number> {
  const [command, email, ...rest] = process.argv.slice(2);
  if (command !== "reset-password" || !email || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  migrateDatabase();
  try {
    const result = await resetPasswordFromCommandLine(email, new Date());
    console.log(`Temporary password for ${result.email} (shown once; hand it over in person):`);
    console.log(`\n    ${result.password}\n`);
    console.log(
      "They must choose a new password at their next sign-in; their sessions have ended.",
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      console.error(`No account with the e-mail ${email} in ${env.databasePath}.`);
      return 1;
    }
    throw error;
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`Reset failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
