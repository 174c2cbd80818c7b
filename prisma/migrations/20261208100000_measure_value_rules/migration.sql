-- The values a measure can plausibly take, as its plan lead sets them; either end may be left open.
ALTER TABLE "Measure" ADD COLUMN "plausibleMin" DOUBLE PRECISION;
ALTER TABLE "Measure" ADD COLUMN "plausibleMax" DOUBLE PRECISION;

-- The minimum is at most the maximum. A trigger, not a CHECK constraint, for the reason the first
-- migration gives (Prisma's schema engine crashes reading CHECK constraints back in `migrate
-- diff`); its own function, so headway_check_row's other rules are not copied out again here.
CREATE FUNCTION headway_check_measure() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."plausibleMin" IS NOT NULL AND NEW."plausibleMax" IS NOT NULL AND NEW."plausibleMin" > NEW."plausibleMax" THEN
    RAISE EXCEPTION 'Measure: the plausible minimum must not be above the plausible maximum' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Measure_check" BEFORE INSERT OR UPDATE OF "plausibleMin", "plausibleMax" ON "Measure"
  FOR EACH ROW EXECUTE FUNCTION headway_check_measure();
