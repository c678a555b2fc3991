-- The optional position archive that the review map reads: every position the tracker used or
-- kept as suspect, partitioned by day of event time (partitions are created by the writer as
-- days arrive, and dropped by the retention option).

CREATE TABLE position (
    mmsi      integer NOT NULL,
    time      timestamptz NOT NULL,
    latitude  real NOT NULL,
    longitude real NOT NULL,
    speed     real,                                   -- knots
    suspect   boolean NOT NULL DEFAULT false
) PARTITION BY RANGE (time);

-- Each day's (mmsi, time) index is built by the writer once the day is complete: one sorted
-- build is several times faster than maintaining the index row by row during the load.
