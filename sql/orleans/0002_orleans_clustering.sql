-- Orleans membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2).
--
-- DeploymentId is the Orleans ClusterId. The version row is the optimistic-concurrency token for the
-- whole membership table: every membership write must present the version it read and bumps it in
-- the same transaction, so two silos can never both win a conflicting change.
-- Note: 10.4.2 does not send @MetadataJson (newer upstream scripts do); do not add it here.

CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),  -- last change, for operators only
    Version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (Address, Port, Generation). Status holds Orleans' SiloStatus
-- (3 = Active, 6 = Dead). SuspectTimes is Orleans' own "silo,time|silo,time" text.
CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address      varchar(45)  NOT NULL,  -- long enough for any IPv6 literal
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(253) NOT NULL,  -- longest DNS name
    Status       integer      NOT NULL,
    ProxyPort    integer      NOT NULL,  -- read with GetInt32, so never NULL; 0 = no gateway
    SuspectTimes text         NULL,
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,

    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Insert a silo row only if the caller's table version is still current. Returns 1 on success,
-- 0 otherwise. Functions are used (rather than a single statement) because a failed insert must
-- also undo the version bump; the EXCEPTION block gives us that rollback.
CREATE FUNCTION orleans_insert_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_silo_name      text,
    p_host_name      text,
    p_status         integer,
    p_proxy_port     integer,
    p_start_time     timestamptz,
    p_i_am_alive     timestamptz,
    p_version        integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    affected integer;
BEGIN
    -- Bump the version first: the row lock serialises concurrent writers, and a stale version
    -- simply matches nothing.
    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_deployment_id
       AND Version = p_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName,
         Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_i_am_alive);
    RETURN 1;
EXCEPTION
    WHEN unique_violation THEN
        -- This silo incarnation already has a row; the version bump above is rolled back.
        RETURN 0;
END
$$;

-- Update a silo row only if the caller's table version is still current. Returns 1 or 0.
CREATE FUNCTION orleans_update_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_status         integer,
    p_suspect_times  text,
    p_i_am_alive     timestamptz,
    p_version        integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    affected integer;
BEGIN
    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_deployment_id
       AND Version = p_version;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable
       SET Status = p_status,
           SuspectTimes = p_suspect_times,
           -- never move the heartbeat backwards (a late writer may carry an older value)
           IAmAliveTime = GREATEST(IAmAliveTime, p_i_am_alive)
     WHERE DeploymentId = p_deployment_id
       AND Address = p_address
       AND Port = p_port
       AND Generation = p_generation;
    GET DIAGNOSTICS affected = ROW_COUNT;
    IF affected = 0 THEN
        -- No such silo row: raise only to roll the version bump back, then report failure.
        RAISE EXCEPTION 'membership row not found' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN 1;
EXCEPTION
    WHEN no_data_found THEN
        RETURN 0;
END
$$;

-- Must always return exactly one row (the provider calls First()): 1 if created, 0 if it existed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM created;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
    SELECT orleans_insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
    SELECT orleans_update_membership(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version);
');

-- Heartbeat; deliberately does not touch the version row (Orleans does not version heartbeats).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable
       SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
     WHERE DeploymentId = @DeploymentId
       AND Address = @Address
       AND Port = @Port
       AND Generation = @Generation;
');

-- The LEFT JOIN from the version row means a cluster with no (matching) silos still returns one
-- row carrying the version, with NULL silo columns.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName,
           m.Status, m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
      FROM OrleansMembershipVersionTable v
      LEFT JOIN OrleansMembershipTable m
             ON m.DeploymentId = v.DeploymentId
            AND m.Address = @Address
            AND m.Port = @Port
            AND m.Generation = @Generation
     WHERE v.DeploymentId = @DeploymentId;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName,
           m.Status, m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
      FROM OrleansMembershipVersionTable v
      LEFT JOIN OrleansMembershipTable m
             ON m.DeploymentId = v.DeploymentId
     WHERE v.DeploymentId = @DeploymentId;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
');

-- Used by clients to find gateways; @Status is Active (3).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation
      FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Status = @Status
       AND ProxyPort > 0;
');

-- Defunct-silo pruning. 10.4.2 prefers the optional per-row CleanupDefunctSiloEntryKey below: it
-- reads the table, decides in C# which Dead rows are old enough, and deletes each one only if it
-- is still exactly what it read. The bulk key is still required at start-up and is used only if
-- the per-row key is missing, so it stays conservative: old Dead rows without suspicion votes.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Status = 6
       AND IAmAliveTime < @IAmAliveTime
       AND StartTime < @IAmAliveTime
       AND COALESCE(SuspectTimes, '''') = '''';
');

-- SuspectTimes goes through COALESCE because Orleans stores an empty vote list as an empty string
-- but sends NULL for it after reading it back.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', '
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Address = @Address
       AND Port = @Port
       AND Generation = @Generation
       AND Status = 6
       AND StartTime = @StartTime
       AND IAmAliveTime = @IAmAliveTime
       AND COALESCE(SuspectTimes, '''') = COALESCE(@SuspectTimes, '''');
');
