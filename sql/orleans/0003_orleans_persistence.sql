-- Orleans grain state (Microsoft.Orleans.Persistence.AdoNet 10.4.2).
--
-- 10.4.2 always serialises state into PayloadBinary (the configured IGrainStorageSerializer decides
-- the bytes); it no longer sends @PayloadJson / @PayloadXml, so those older columns are omitted.
-- The hashes are computed by the provider (default hasher since Orleans 7; pre-7 data needs
-- UseOrleans3CompatibleHasher). They only narrow lookups: the full identity is always compared.
-- Version is the ETag. A write whose version no longer matches returns no new version and
-- Orleans raises InconsistentStateException.

CREATE TABLE OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,  -- key extension, or the whole key for string-keyed grains
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,  -- NULL after ClearStateAsync (when the row is kept)
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL
);

-- One row per grain state. NULLS NOT DISTINCT (PostgreSQL 15+) makes grains without a key extension
-- unique too, so two racing first writes cannot both insert; the loser gets a version conflict.
CREATE UNIQUE INDEX UX_OrleansStorage_Grain
    ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId,
                       GrainTypeString, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Returns the new version, or NULL when the caller's version is stale (which the provider reports
-- as a conflict).
CREATE FUNCTION orleans_write_to_storage(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_version          integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_version IS NULL THEN
        -- The grain saw no stored state: only a first insert may succeed.
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
             p_grain_id_ext, p_service_id, p_payload, now(), 1)
        ON CONFLICT (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId,
                     GrainTypeString, GrainIdExtensionString) DO NOTHING
        RETURNING Version INTO new_version;
    ELSE
        UPDATE OrleansStorage
           SET PayloadBinary = p_payload,
               ModifiedOn = now(),
               Version = Version + 1
         WHERE GrainIdHash = p_grain_id_hash
           AND GrainTypeHash = p_grain_type_hash
           AND GrainIdN0 = p_grain_id_n0
           AND GrainIdN1 = p_grain_id_n1
           AND ServiceId = p_service_id
           AND GrainTypeString = p_grain_type
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
           AND Version = p_version
        RETURNING Version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
    SELECT orleans_write_to_storage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary
    ) AS NewGrainStateVersion;
');

-- No row means "no state yet". A row with NULL payload is cleared state but still carries the
-- version the next write must present.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
      FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND ServiceId = @ServiceId
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
');

-- ClearStateAsync with DeleteStateOnClear = false (the default): keep the row and its version.
-- The provider reads the new version from the first column; no row means conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
    UPDATE OrleansStorage
       SET PayloadBinary = NULL,
           ModifiedOn = now(),
           Version = Version + 1
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND ServiceId = @ServiceId
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
');

-- ClearStateAsync with DeleteStateOnClear = true (optional key; without it that option fails at
-- start-up). Must return a value different from the caller's version to count as success.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
    DELETE FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND ServiceId = @ServiceId
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
');
