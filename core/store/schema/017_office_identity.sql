-- Schema version 17, both backends (issue 15: interchange files between offices). Keys are
-- short and per office (DV0002, CN000001), so another office's file names its own records by
-- keys this database may use for unrelated ones. Each database gets an office id (a UUID in
-- schema_info 'office_id', made by the step's C++ in core/repo/keyaliases.cpp), which
-- export writes in the file's header; an import from another office records here which key
-- each of that office's records has in this database (the same key when it was free, a new
-- one from the issuer when it was taken), so the office's next file updates the same records.
-- Written only by the interchange import (core/repo/keyaliases.cpp), whose batch is in the
-- audit log.
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE office_key_aliases (
    office_id TEXT NOT NULL,
    table_name TEXT NOT NULL CHECK (table_name IN ('blocs', 'units', 'people', 'movements', 'awards', 'initiatives',
                                                   'disciplines')),
    file_key TEXT NOT NULL,
    local_key TEXT NOT NULL,
    PRIMARY KEY (office_id, table_name, file_key)
);
