import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`original_photo\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_original_photo\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`original_photo\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_original_photo\`;`)
}
