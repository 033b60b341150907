import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_publishedat_tz" AS ENUM('Europe/Berlin');
  CREATE TYPE "public"."enum__articles_v_version_publishedat_tz" AS ENUM('Europe/Berlin');
  ALTER TYPE "public"."enum_images_credit_license" ADD VALUE 'pixabay' BEFORE 'all-rights-reserved';
  ALTER TYPE "public"."enum_images_credit_license" ADD VALUE 'unsplash' BEFORE 'all-rights-reserved';
  ALTER TABLE "articles" ADD COLUMN "original_photo" varchar;
  ALTER TABLE "articles" ADD COLUMN "publishedat_tz" "enum_articles_publishedat_tz" DEFAULT 'Europe/Berlin';
  ALTER TABLE "_articles_v" ADD COLUMN "version_original_photo" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_publishedat_tz" "enum__articles_v_version_publishedat_tz" DEFAULT 'Europe/Berlin';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "images" ALTER COLUMN "credit_license" SET DATA TYPE text;
  DROP TYPE "public"."enum_images_credit_license";
  CREATE TYPE "public"."enum_images_credit_license" AS ENUM('cc0', 'public-domain', 'cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nd-4.0', 'cc-by-nc-4.0', 'cc-by-nc-sa-4.0', 'cc-by-nc-nd-4.0', 'cc-by-3.0', 'cc-by-sa-3.0', 'cc-by-2.0', 'cc-by-sa-2.0', 'all-rights-reserved');
  ALTER TABLE "images" ALTER COLUMN "credit_license" SET DATA TYPE "public"."enum_images_credit_license" USING "credit_license"::"public"."enum_images_credit_license";
  ALTER TABLE "articles" DROP COLUMN "original_photo";
  ALTER TABLE "articles" DROP COLUMN "publishedat_tz";
  ALTER TABLE "_articles_v" DROP COLUMN "version_original_photo";
  ALTER TABLE "_articles_v" DROP COLUMN "version_publishedat_tz";
  DROP TYPE "public"."enum_articles_publishedat_tz";
  DROP TYPE "public"."enum__articles_v_version_publishedat_tz";`)
}
