-- Orleans ADO.NET providers: query catalogue.
--
-- Microsoft.Orleans.{Clustering,Persistence,Reminders}.AdoNet 10.4.2 (invariant "Npgsql") ship no SQL.
-- At start-up each provider runs "SELECT QueryKey, QueryText FROM OrleansQuery" and afterwards only
-- executes the texts it finds here. The contract with the provider is: the QueryKey names, the
-- @Parameter names it binds, and the result column names (or, where noted, the column position) it
-- reads. Table layouts, functions and indexes behind the queries are ours.
--
-- Conventions for all sql/orleans scripts:
--  * Identifiers are unquoted, so PostgreSQL folds them to lower case; Npgsql matches result
--    columns case-insensitively, which is what the provider relies on.
--  * Every time column is timestamptz: Npgsql 6+ writes UTC DateTime values as timestamptz and
--    refuses to write them into "timestamp without time zone".
--  * Only bare $$ dollar quotes: DbUp treats a tagged quote (dollar, word, dollar) as a variable
--    to substitute and fails on it.
--  * No BEGIN/COMMIT inside the scripts; run DbUp with a transaction per script so a failed script
--    leaves nothing behind (PostgreSQL DDL is transactional).

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
