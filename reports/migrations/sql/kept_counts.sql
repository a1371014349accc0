-- The counts that the database keeps from the incidents (reports_incident):
--   reports_incidentcell      the map's cells (the model IncidentCell)
--   reports_incidentdaycount  the counts per municipality, category and local day (the model
--                             IncidentDayCount)
-- Run by reports/migrations/0002_kept_counts.py, which also holds the statements undoing it.
--
-- WHY TRIGGERS: statement-level triggers keep the counts for every writer (saves, bulk updates
-- and deletes, raw SQL, and the importer, which writes with COPY), so no code path can forget
-- them; and, once per statement, an import of 100,000 rows costs a few thousand grouped upserts
-- rather than 100,000 row-level trigger calls.
--
-- How: each table of counts has a function (reports_incident_*_sql) returning the statement that
-- adds a set of changed incidents to it. One trigger function,
-- reports_incident_kept_counts_trigger, hands it the statement's transition tables;
-- reports_incident_kept_counts_rebuild recounts a table from scratch. The management command
-- rebuild_incident_counts calls the latter with the names of these functions and tables: keep
-- the names.

-- reports_incident_cells_sql(changes) returns the statement that adds the incidents "changes"
-- (an SQL query yielding sign, 1 or -1, and incident columns) to their cells: each precise,
-- unmerged incident counts in one cell of each kept size (reports.map_cells.STORED_SIZES) by the
-- local month its period starts in and, in cells of 16 km and more, by the day. The changes are
-- grouped first, so that a COPY of 100,000 incidents makes a few thousand upserts, and upserted in
-- key order, so that two transactions touching the same cells wait for each other instead of
-- deadlocking. The statement returns the ids of cells left at 0.
-- A text, run with EXECUTE by the trigger: only the trigger function's own statements see the
-- transition tables (handing their rows over as an array took 14 s per 100,000).
CREATE FUNCTION reports_incident_cells_sql(changes text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$ SELECT format($q$
    WITH placed AS (
        SELECT s.size, i.sign,
               (i.occurred_from AT TIME ZONE 'Europe/Stockholm')::date AS day,
               date_trunc('month', i.occurred_from AT TIME ZONE 'Europe/Stockholm')::date
                   AS month_start,
               floor(ST_X(i.position) / s.size)::integer AS x,
               floor(ST_Y(i.position) / s.size)::integer AS y,
               ST_X(i.position) AS px, ST_Y(i.position) AS py
        FROM (%s) AS i
        CROSS JOIN unnest(ARRAY[8000, 16000, 64000]) AS s(size)
        WHERE i.position_precise AND i.merged_into_id IS NULL
    ), changed AS (
        INSERT INTO reports_incidentcell AS c (size, month, start, x, y, count, sum_x, sum_y)
        SELECT size, GROUPING(day) = 1, coalesce(day, month_start), x, y,
               sum(sign), sum(sign * px), sum(sign * py)
        FROM placed
        GROUP BY GROUPING SETS ((size, day, x, y), (size, month_start, x, y))
        -- Days only in cells of 16 km and more (map_cells.DAYS_FROM).
        HAVING GROUPING(day) = 1 OR size >= 16000
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (size, month, start, x, y)
        DO UPDATE SET count = c.count + EXCLUDED.count,
                      sum_x = c.sum_x + EXCLUDED.sum_x,
                      sum_y = c.sum_y + EXCLUDED.sum_y
        RETURNING c.id, c.count
    )
    SELECT array_agg(id) FILTER (WHERE count = 0) FROM changed
$q$, changes) $f$;

-- reports_incident_day_counts_sql(changes) returns the statement that adds the incidents
-- "changes" (as above) to the day counts: each incident that is not a police event and not merged
-- counts on the local day its period starts. Grouped first and upserted in key order, as the map
-- cells are; returns the ids of counts left at 0.
CREATE FUNCTION reports_incident_day_counts_sql(changes text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$ SELECT format($q$
    WITH changed AS (
        INSERT INTO reports_incidentdaycount AS c
            (municipality_id, day, category_id, precise, count)
        SELECT i.municipality_id, (i.occurred_from AT TIME ZONE 'Europe/Stockholm')::date,
               i.category_id, i.position_precise, sum(i.sign)
        FROM (%s) AS i
        WHERE i.source <> 'police_event' AND i.merged_into_id IS NULL
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (municipality_id, day, category_id, precise)
        DO UPDATE SET count = c.count + EXCLUDED.count
        RETURNING c.id, c.count
    )
    SELECT array_agg(id) FILTER (WHERE count = 0) FROM changed
$q$, changes) $f$;

-- One trigger function keeps every table of counts. Its arguments: the function returning the
-- statement that adds changes to the counts, the columns ({t} for the row) an update must change
-- to move an incident, and the table of counts (whose rows left at 0 go).
CREATE FUNCTION reports_incident_kept_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes text;
    moved text;
    statement text;
    emptied bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        changes := 'SELECT 1 AS sign, n.* FROM new_rows n';
    ELSIF TG_OP = 'DELETE' THEN
        changes := 'SELECT -1 AS sign, o.* FROM old_rows o';
    ELSE
        moved := format(
            'FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (%s) IS DISTINCT FROM (%s)',
            replace(TG_ARGV[1], '{t}', 'o'), replace(TG_ARGV[1], '{t}', 'n'));
        changes := format('SELECT -1 AS sign, o.* %s UNION ALL SELECT 1, n.* %s', moved, moved);
    END IF;
    EXECUTE format('SELECT %I(%L)', TG_ARGV[0], changes) INTO statement;
    EXECUTE statement INTO emptied;
    IF emptied IS NOT NULL THEN
        EXECUTE format('DELETE FROM %I WHERE id = ANY($1) AND count = 0', TG_ARGV[2])
            USING emptied;
    END IF;
    RETURN NULL;
END $$;

-- Recounts the table of counts "counts" with the function "builder" in one statement and returns
-- its number of rows (rebuild_incident_counts).
CREATE FUNCTION reports_incident_kept_counts_rebuild(builder text, counts text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    statement text;
    kept bigint;
BEGIN
    -- Writers wait meanwhile, so none is missed.
    LOCK TABLE reports_incident IN SHARE MODE;
    EXECUTE format('TRUNCATE %I', counts);
    EXECUTE format('SELECT %I(%L)', builder, 'SELECT 1 AS sign, i.* FROM reports_incident i')
        INTO statement;
    EXECUTE statement;
    EXECUTE format('SELECT count(*) FROM %I', counts) INTO kept;
    RETURN kept;
END $$;

-- The map cells: an update moves an incident when its time, position, precision or merge changed.
CREATE TRIGGER reports_incident_cells_insert AFTER INSERT ON reports_incident
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_cells_sql',
        '{t}.occurred_from, ST_X({t}.position), ST_Y({t}.position), {t}.position_precise, {t}.merged_into_id',
        'reports_incidentcell');
CREATE TRIGGER reports_incident_cells_update AFTER UPDATE ON reports_incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_cells_sql',
        '{t}.occurred_from, ST_X({t}.position), ST_Y({t}.position), {t}.position_precise, {t}.merged_into_id',
        'reports_incidentcell');
CREATE TRIGGER reports_incident_cells_delete AFTER DELETE ON reports_incident
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_cells_sql',
        '{t}.occurred_from, ST_X({t}.position), ST_Y({t}.position), {t}.position_precise, {t}.merged_into_id',
        'reports_incidentcell');

-- The day counts: an update moves an incident when its day, municipality, category, precision,
-- source or merge changed.
CREATE TRIGGER reports_incident_day_counts_insert AFTER INSERT ON reports_incident
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_day_counts_sql',
        '{t}.occurred_from, {t}.municipality_id, {t}.category_id, {t}.position_precise, {t}.source, {t}.merged_into_id',
        'reports_incidentdaycount');
CREATE TRIGGER reports_incident_day_counts_update AFTER UPDATE ON reports_incident
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_day_counts_sql',
        '{t}.occurred_from, {t}.municipality_id, {t}.category_id, {t}.position_precise, {t}.source, {t}.merged_into_id',
        'reports_incidentdaycount');
CREATE TRIGGER reports_incident_day_counts_delete AFTER DELETE ON reports_incident
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION reports_incident_kept_counts_trigger(
        'reports_incident_day_counts_sql',
        '{t}.occurred_from, {t}.municipality_id, {t}.category_id, {t}.position_precise, {t}.source, {t}.merged_into_id',
        'reports_incidentdaycount');

-- Count the incidents there are already (none on a new database).
SELECT reports_incident_kept_counts_rebuild('reports_incident_cells_sql', 'reports_incidentcell');
SELECT reports_incident_kept_counts_rebuild(
    'reports_incident_day_counts_sql', 'reports_incidentdaycount');
