-- Schema version 1: the registry, the award ledger and movements.
-- {{ID}} becomes INTEGER PRIMARY KEY (SQLite) or BIGINT identity (PostgreSQL).
-- Dates are ISO text 'YYYY-MM-DD' on both backends; codes are short ASCII text checked here.
-- Statements are separated by a semicolon at the end of a line.

CREATE TABLE award_forms (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('title', 'certificate', 'order')),
    recipients TEXT NOT NULL CHECK (recipients IN ('individual', 'collective', 'both')),
    level TEXT NOT NULL,
    rank INTEGER NOT NULL
);

CREATE TABLE blocs (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cum', 'khoi'))
);

CREATE TABLE units (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('provincial_agency', 'commune_ward', 'department', 'enterprise',
                                       'front_org', 'social_org', 'cooperative')),
    parent_id BIGINT REFERENCES units (id),
    bloc_id BIGINT REFERENCES blocs (id),
    valid_from TEXT,
    valid_to TEXT,
    succeeded_by_id BIGINT REFERENCES units (id),
    search_key TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id),
    CHECK (succeeded_by_id IS NULL OR succeeded_by_id <> id),
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_bloc ON units (bloc_id);
CREATE INDEX units_succeeded_by ON units (succeeded_by_id);
CREATE INDEX units_name ON units (name COLLATE vi);

CREATE TABLE people (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL CHECK (full_name <> ''),
    -- The given name (last word) leads the Vietnamese sort order: lists go by tên, then họ đệm.
    given_name TEXT NOT NULL,
    gender TEXT CHECK (gender IN ('male', 'female')),
    birth_date TEXT,
    cccd TEXT UNIQUE,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    position TEXT,
    category TEXT NOT NULL CHECK (category IN ('can_bo', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong',
                                               'doanh_nhan', 'nhan_dan')),
    search_key TEXT NOT NULL
);
CREATE INDEX people_unit ON people (unit_id);
CREATE INDEX people_sort ON people (given_name COLLATE vi, full_name COLLATE vi);

-- A movement plan is a document edited and versioned as a whole (phases, contents, nominee
-- categories, award forms per occasion, standards): it is kept as JSON in `content`, in the
-- format of docs/movement-format.md. Nothing queries inside it with SQL; awards and, later,
-- dossiers refer to the movement row.
CREATE TABLE movements (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    is_catalogue INTEGER NOT NULL DEFAULT 0 CHECK (is_catalogue IN (0, 1)),
    copied_from TEXT,
    name TEXT NOT NULL CHECK (name <> ''),
    issuer TEXT,
    plan_number TEXT,
    plan_date TEXT,
    period_from INTEGER NOT NULL,
    period_to INTEGER NOT NULL,
    content TEXT NOT NULL,
    search_key TEXT NOT NULL,
    CHECK (period_to >= period_from)
);

CREATE TABLE ratings (
    id {{ID}},
    person_id BIGINT REFERENCES people (id),
    unit_id BIGINT REFERENCES units (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    rating TEXT NOT NULL CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
    note TEXT,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    UNIQUE (person_id, year),
    UNIQUE (unit_id, year)
);

CREATE TABLE awards (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    person_id BIGINT REFERENCES people (id),
    unit_id BIGINT REFERENCES units (id),
    form_code TEXT NOT NULL REFERENCES award_forms (code),
    kind TEXT NOT NULL CHECK (kind IN ('cong_trang', 'dot_xuat', 'theo_dot', 'cong_hien')),
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    decision_no TEXT,
    decision_date TEXT,
    authority TEXT,
    movement_id BIGINT REFERENCES movements (id),
    note TEXT,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX awards_person ON awards (person_id, year);
CREATE INDEX awards_unit ON awards (unit_id, year);
CREATE INDEX awards_movement ON awards (movement_id);
CREATE INDEX awards_form_year ON awards (form_code, year);

CREATE TABLE initiatives (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (title <> ''),
    decision_no TEXT,
    decision_date TEXT,
    level TEXT NOT NULL CHECK (level IN ('co_so', 'tinh', 'toan_quoc')),
    -- One initiative serves one award only (BNV 5007/BNV-TDKT): the award it was used for.
    -- (An award may use several initiatives, so this is not UNIQUE.)
    used_for_award_id BIGINT REFERENCES awards (id),
    note TEXT
);

CREATE TABLE initiative_holders (
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people (id),
    PRIMARY KEY (initiative_id, person_id)
);
CREATE INDEX initiative_holders_person ON initiative_holders (person_id);

CREATE TABLE disciplines (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    person_id BIGINT REFERENCES people (id),
    unit_id BIGINT REFERENCES units (id),
    kind TEXT NOT NULL CHECK (kind IN ('khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc',
                                       'buoc_thoi_viec', 'khac')),
    start_date TEXT NOT NULL,
    end_date TEXT,
    decision_no TEXT,
    note TEXT,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX disciplines_person ON disciplines (person_id);
CREATE INDEX disciplines_unit ON disciplines (unit_id);
CREATE INDEX initiatives_used_for ON initiatives (used_for_award_id);
