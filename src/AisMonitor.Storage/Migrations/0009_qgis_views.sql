-- The QGIS views again, with every column the tables have now (a view keeps the columns of its
-- creation: 0008's severity rank and triage status were missing), and for databases where PostGIS
-- was added after 0002 (a role that may not create the extension: the DBA creates it, then the next
-- start of AisMonitor makes the views). Without PostGIS there are no views and nothing else changes.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        DROP VIEW IF EXISTS alert_geometry, port_call_geometry, vessel_geometry;
        EXECUTE 'CREATE VIEW alert_geometry AS SELECT a.*, ST_SetSRID(ST_MakePoint(a.longitude, a.latitude), 4326)::geometry(Point, 4326) AS geom FROM alert a WHERE a.latitude IS NOT NULL';
        EXECUTE 'CREATE VIEW port_call_geometry AS SELECT p.*, ST_SetSRID(ST_MakePoint(p.longitude, p.latitude), 4326)::geometry(Point, 4326) AS geom FROM port_call p';
        EXECUTE 'CREATE VIEW vessel_geometry AS SELECT v.*, ST_SetSRID(ST_MakePoint(v.last_longitude, v.last_latitude), 4326)::geometry(Point, 4326) AS geom FROM vessel v WHERE v.last_latitude IS NOT NULL';
    END IF;
END;
$$;
