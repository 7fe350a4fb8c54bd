import { Command } from 'commander';
import { achCommand } from './ach.ts';
import { auditCommand } from './audit.ts';
import { calcCommand } from './calc.ts';
import { cobCommand } from './cob.ts';
import { documentsCommand } from './documents.ts';
import { ledgerCommand } from './ledger.ts';
import { mailCommand } from './mail.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { startCommand } from './start.ts';

const program = new Command()
  .name('marque')
  .description(
    'Marque: servicing platform for captive auto-finance. Configuration comes from the environment (see README).',
  )
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(migrateCommand())
  .addCommand(seedCommand())
  .addCommand(calcCommand())
  .addCommand(auditCommand())
  .addCommand(ledgerCommand())
  .addCommand(achCommand())
  .addCommand(documentsCommand())
  .addCommand(cobCommand())
  .addCommand(mailCommand());

await program.parseAsync(process.argv);
