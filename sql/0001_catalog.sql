-- Catalog: YouTube content regions and the video categories each region offers.
-- Fetched from i18nRegions.list / videoCategories.list on first start, refreshed on demand.

CREATE TABLE regions (
    code        char(2)     PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name        text        NOT NULL,
    -- Path of the flag image under the static folder; NULL until downloaded (downloaded once).
    flag_path   text,
    fetched_at  timestamptz NOT NULL
);

CREATE TABLE categories (
    region_code char(2)  NOT NULL REFERENCES regions (code),
    id          smallint NOT NULL,
    title       text     NOT NULL,
    assignable  boolean  NOT NULL,
    PRIMARY KEY (region_code, id)
);
