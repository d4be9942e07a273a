-- Orleans reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2).
--
-- This is the classic reminder shape that 10.4.2 binds: StartTime plus Period in milliseconds.
-- Upstream main's CronExpression / NextDueUtc / LastFireUtc / Priority / Action columns (and its
-- 11-argument upsert) belong to a newer provider; 10.4.2 neither sends nor reads them.
-- GrainHash is the grain's uniform hash stored as a signed int; each silo reads the hash range of
-- the ring it owns (ReadRangeRows1/2). Version is the ETag.

CREATE TABLE OrleansRemindersTable
(
    ServiceId    varchar(150) NOT NULL,
    GrainId      varchar(512) NOT NULL,  -- GrainId.ToString(), i.e. "type/key"
    ReminderName varchar(150) NOT NULL,
    StartTime    timestamptz  NOT NULL,
    Period       bigint       NOT NULL,  -- milliseconds; read with GetInt64
    GrainHash    integer      NOT NULL,
    Version      integer      NOT NULL,

    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Every silo periodically reads its ring range by hash.
CREATE INDEX IX_OrleansRemindersTable_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

-- Returns the row's new version (0 for a new reminder).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
       SET StartTime = EXCLUDED.StartTime,
           Period = EXCLUDED.Period,
           GrainHash = EXCLUDED.GrainHash,
           Version = OrleansRemindersTable.Version + 1
    RETURNING Version;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName;
');

-- Range (BeginHash, EndHash] that does not wrap around in signed order.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainHash > @BeginHash
       AND GrainHash <= @EndHash;
');

-- Range that wraps around the end of the ring.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
    SELECT GrainId, ReminderName, StartTime, Period, Version
      FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
');

-- Must return exactly one row: 1 if deleted, 0 if the version no longer matched.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM OrleansRemindersTable
         WHERE ServiceId = @ServiceId
           AND GrainId = @GrainId
           AND ReminderName = @ReminderName
           AND Version = @Version
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId;
');
