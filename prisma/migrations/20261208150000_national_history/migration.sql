-- The national view now also shows each area's figures a month ago, worked out from the history:
-- an action's state then is its latest check-in ("ActionUpdate") posted by then. So a check-in
-- written, changed or removed moves its area's version like any other change the view counts,
-- even one that does not touch the action itself (an earlier update added after a later one).
-- The action's area, as for a measure's values (headway_measure_rows_changed).
CREATE FUNCTION headway_action_update_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT a."localAreaId" FROM "Action" a JOIN new_rows r ON r."actionId" = a."id"));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM headway_figures_changed(ARRAY(
      SELECT DISTINCT a."localAreaId" FROM "Action" a
      JOIN (SELECT "actionId" FROM new_rows UNION SELECT "actionId" FROM old_rows) r ON r."actionId" = a."id"));
  ELSE
    PERFORM headway_figures_changed(ARRAY(SELECT DISTINCT a."localAreaId" FROM "Action" a JOIN old_rows r ON r."actionId" = a."id"));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ActionUpdate_figures_insert" AFTER INSERT ON "ActionUpdate"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION headway_action_update_rows_changed();
CREATE TRIGGER "ActionUpdate_figures_update" AFTER UPDATE ON "ActionUpdate"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION headway_action_update_rows_changed();
CREATE TRIGGER "ActionUpdate_figures_delete" AFTER DELETE ON "ActionUpdate"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION headway_action_update_rows_changed();
