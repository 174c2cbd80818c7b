-- CreateTable
CREATE TABLE "AreaFiguresVersion" (
    "localAreaId" TEXT NOT NULL,
    "version" UUID NOT NULL,

    CONSTRAINT "AreaFiguresVersion_pkey" PRIMARY KEY ("localAreaId")
);

-- CreateIndex
CREATE INDEX "YouSaidWeDid_findingId_idx" ON "YouSaidWeDid"("findingId");

-- AddForeignKey
ALTER TABLE "AreaFiguresVersion" ADD CONSTRAINT "AreaFiguresVersion_localAreaId_fkey" FOREIGN KEY ("localAreaId") REFERENCES "LocalArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The national view keeps each area's row until its figures may have changed (issue 7). Every
-- change to what it counts gives the area a new version in "AreaFiguresVersion", in the same
-- transaction as the change, so no write path can forget to: the view compares versions and
-- counts again only the areas whose version moved. Random, not a counter, so a restored backup
-- never brings back a version the view has seen with other data. One version per transaction:
-- every change in it writes the same value, so a bulk load writes each area's version once.
--
-- (Not deferred to commit: PostgreSQL's deferred triggers are constraint triggers, which Prisma's
-- schema engine cannot read back. So a transaction that changes an area holds its version row
-- until it commits; check-ins in one area queue there for the moment between their change and
-- their commit.)

CREATE FUNCTION headway_figures_changed(areas text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  version text := current_setting('headway.figures_version', true);
BEGIN
  IF version IS NULL OR version = '' THEN
    version := gen_random_uuid()::text;
    PERFORM set_config('headway.figures_version', version, true);
  END IF;
  -- In id order, so two transactions that change the same areas take their rows in one order.
  -- An area deleted in this transaction needs no version.
  INSERT INTO "AreaFiguresVersion" ("localAreaId", "version")
  SELECT la."id", version::uuid FROM "LocalArea" la WHERE la."id" = ANY(areas) ORDER BY la."id"
  ON CONFLICT ("localAreaId") DO UPDATE SET "version" = EXCLUDED."version"
  WHERE "AreaFiguresVersion"."version" <> EXCLUDED."version";
END;
$$;

-- Rows that carry their area: plans, findings, actions, measures and forum verdicts.
CREATE FUNCTION headway_area_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT "localAreaId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM headway_figures_changed(ARRAY(SELECT "localAreaId" FROM new_rows UNION SELECT "localAreaId" FROM old_rows));
  ELSE
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT "localAreaId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

-- Inspections: their area, and the areas whose plans they follow up.
CREATE FUNCTION headway_inspections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT "localAreaId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM headway_figures_changed(ARRAY(
      SELECT "localAreaId" FROM new_rows UNION SELECT "localAreaId" FROM old_rows
      UNION SELECT p."localAreaId" FROM "Plan" p JOIN new_rows i ON i."id" = p."followUpInspectionId"));
  ELSE
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT "localAreaId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

-- A measure's values and milestones: the measure's area. (A measure deleted with its values moves
-- its area's version itself.)
CREATE FUNCTION headway_measure_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT m."localAreaId" FROM "Measure" m JOIN new_rows r ON r."measureId" = m."id"));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM headway_figures_changed(ARRAY(
      SELECT DISTINCT m."localAreaId" FROM "Measure" m
      JOIN (SELECT "measureId" FROM new_rows UNION SELECT "measureId" FROM old_rows) r ON r."measureId" = m."id"));
  ELSE
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT m."localAreaId" FROM "Measure" m JOIN old_rows r ON r."measureId" = m."id"));
  END IF;
  RETURN NULL;
END;
$$;

-- The area's own name, slug and region.
CREATE FUNCTION headway_area_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM headway_figures_changed(ARRAY[NEW."id"]);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('Plan', 'headway_area_rows_changed'), ('Finding', 'headway_area_rows_changed'), ('Action', 'headway_area_rows_changed'),
    ('Measure', 'headway_area_rows_changed'), ('ForumVerdict', 'headway_area_rows_changed'),
    ('Inspection', 'headway_inspections_changed'),
    ('MeasureValue', 'headway_measure_rows_changed'), ('MeasureMilestone', 'headway_measure_rows_changed')
  ) AS x(tab, fn) LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                   t.tab || '_figures_insert', t.tab, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                   t.tab || '_figures_update', t.tab, t.fn);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                   t.tab || '_figures_delete', t.tab, t.fn);
  END LOOP;
END;
$$;

CREATE TRIGGER "LocalArea_figures" AFTER UPDATE OF "name", "slug", "region" ON "LocalArea"
  FOR EACH ROW EXECUTE FUNCTION headway_area_renamed();
