-- The map cells of each municipality (the model IncidentMunicipalityCell) and the time each
-- municipality's incidents last changed (IncidentMapChange), kept by the trigger function of
-- kept_counts.sql (reports_incident_kept_counts_trigger), as the country's cells are: for every
-- writer, once per statement, left to the importer while est.kept_counts_deferred is set.
-- Run by reports/migrations/0009_incident_municipality_cells.py.

-- reports_incident_municipality_cells_sql(changes) returns the statement that adds the incidents
-- "changes" (sign, 1 or -1, and incident columns) to their municipality's cells: each precise,
-- unmerged incident counts in one cell of each kept size (map_cells.MUNICIPAL_SIZES: zoom 13 to
-- 9, so that a view reads its own size, never four times as many smaller cells) by the local
-- month its period starts in, once under its category and once under none (all categories: an
-- unfiltered view then reads one row per cell and month, not one per category). Grouped and
-- upserted in key order, as the country's cells are; returns the ids of cells left at 0.
CREATE FUNCTION reports_incident_municipality_cells_sql(changes text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$ SELECT format($q$
    WITH placed AS (
        SELECT i.municipality_id, i.category_id, s.size, i.sign,
               date_trunc('month', i.occurred_from AT TIME ZONE 'Europe/Stockholm')::date
                   AS month,
               floor(ST_X(i.position) / s.size)::integer AS x,
               floor(ST_Y(i.position) / s.size)::integer AS y,
               ST_X(i.position) AS px, ST_Y(i.position) AS py
        FROM (%s) AS i
        CROSS JOIN unnest(ARRAY[500, 1000, 2000, 4000, 8000]) AS s(size)
        WHERE i.position_precise AND i.merged_into_id IS NULL
    ), changed AS (
        INSERT INTO reports_incidentmunicipalitycell AS c
            (municipality_id, category_id, size, month, x, y, count, sum_x, sum_y)
        SELECT municipality_id, category_id, size, month, x, y,
               sum(sign), sum(sign * px), sum(sign * py)
        FROM placed
        GROUP BY GROUPING SETS ((municipality_id, category_id, size, month, x, y),
                                (municipality_id, size, month, x, y))
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (municipality_id, category_id, size, month, x, y)
        DO UPDATE SET count = c.count + EXCLUDED.count,
                      sum_x = c.sum_x + EXCLUDED.sum_x,
                      sum_y = c.sum_y + EXCLUDED.sum_y
        RETURNING c.id, c.count
    )
    SELECT array_agg(id) FILTER (WHERE count = 0) FROM changed
$q$, changes) $f$;

-- reports_incident_map_changes_sql(changes) returns the statement that marks the municipalities
-- of the incidents "changes" as changed now (the map's ETag, reports.incidents.map_etags); it
-- leaves nothing at 0, so it returns no ids.
CREATE FUNCTION reports_incident_map_changes_sql(changes text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$ SELECT format($q$
    WITH changed AS (
        INSERT INTO reports_incidentmapchange AS c (municipality_id, changed_at)
        SELECT m.municipality_id, clock_timestamp()
        FROM (SELECT DISTINCT i.municipality_id FROM (%s) AS i) AS m
        ORDER BY 1
        ON CONFLICT (municipality_id) DO UPDATE SET changed_at = EXCLUDED.changed_at
        RETURNING 1
    )
    SELECT NULL::bigint[] FROM (SELECT count(*) FROM changed) AS done
$q$, changes) $f$;

-- The municipality cells: an update moves an incident when its time, position, precision,
-- merge, municipality or category changed.
CREATE TRIGGER reports_incident_municipality_cells_insert AFTER INSERT ON reports_incident
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_municipality_cells_sql',
        '{t}.occurred_from, ST_X({t}.position), ST_Y({t}.position), {t}.position_precise, {t}.merged_into_id, {t}.municipality_id, {t}.category_id',
        'reports_incidentmunicipalitycell');
CREATE TRIGGER reports_incident_municipality_cells_update AFTER UPDATE ON reports_incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_municipality_cells_sql',
        '{t}.occurred_from, ST_X({t}.position), ST_Y({t}.position), {t}.position_precise, {t}.merged_into_id, {t}.municipality_id, {t}.category_id',
        'reports_incidentmunicipalitycell');
CREATE TRIGGER reports_incident_municipality_cells_delete AFTER DELETE ON reports_incident
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_municipality_cells_sql',
        '{t}.occurred_from, ST_X({t}.position), ST_Y({t}.position), {t}.position_precise, {t}.merged_into_id, {t}.municipality_id, {t}.category_id',
        'reports_incidentmunicipalitycell');

-- The changes: the map shows nearly every column (points carry category, time, status, place),
-- so any changed column is a change.
CREATE TRIGGER reports_incident_map_changes_insert AFTER INSERT ON reports_incident
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_map_changes_sql', 'row_to_json({t})::text',
        'reports_incidentmapchange');
CREATE TRIGGER reports_incident_map_changes_update AFTER UPDATE ON reports_incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_map_changes_sql', 'row_to_json({t})::text',
        'reports_incidentmapchange');
CREATE TRIGGER reports_incident_map_changes_delete AFTER DELETE ON reports_incident
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_map_changes_sql', 'row_to_json({t})::text',
        'reports_incidentmapchange');

-- Count the incidents there are already.
SELECT reports_incident_kept_counts_rebuild(
    'reports_incident_municipality_cells_sql', 'reports_incidentmunicipalitycell');
