-- Schema version 4: the award workflow (issue 4) — proposal dossiers, appraisal, council
-- sessions, decisions — and the editable money and voting data they use.
-- Guards that make issued and submitted records read-only, and the audit triggers of these
-- tables, are created by core/workflow/workflowschema.cpp after this script.
-- {{ID}} as in 001; {{BLOB}} becomes BLOB (SQLite) or BYTEA (PostgreSQL).
-- Statements are separated by a semicolon at the end of a line.

-- Office-wide settings as key/value text (the council quorum, the decision register's issuer
-- and suffix; issue 5 adds the letterhead here).
CREATE TABLE office_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO office_settings (key, value) VALUES ('council.quorum', '2/3');
INSERT INTO office_settings (key, value) VALUES ('decision.issuer', 'UBND tỉnh');
INSERT INTO office_settings (key, value) VALUES ('decision.suffix', 'QĐ-UBND');
-- The office decides forms up to this level (award_forms.level: co_so < tinh < trung_uong <
-- nha_nuoc); a passed nominee for a higher form is forwarded to the level that decides it.
INSERT INTO office_settings (key, value) VALUES ('office.level', 'tinh');

-- How many years after receiving a form the same form is "already received" for a new
-- proposal (1 = the same year only). Data, editable; seeded from the forms' cycles.
ALTER TABLE award_forms ADD COLUMN repeat_window INTEGER NOT NULL DEFAULT 1;

-- Mức lương cơ sở: the base salary in force from a date. Editable data.
CREATE TABLE base_salaries (
    id {{ID}},
    effective_from TEXT NOT NULL UNIQUE,
    amount BIGINT NOT NULL CHECK (amount > 0),
    source TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

-- Bonus = coefficient × base salary. The coefficient is kept in thousandths (1.5 → 1500) so
-- money is computed in integers.
CREATE TABLE bonus_coefficients (
    id {{ID}},
    form_code TEXT NOT NULL REFERENCES award_forms (code),
    recipient TEXT NOT NULL CHECK (recipient IN ('individual', 'collective')),
    effective_from TEXT NOT NULL,
    coefficient_milli INTEGER NOT NULL CHECK (coefficient_milli >= 0),
    source TEXT,
    confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (form_code, recipient, effective_from)
);

-- The share of "agree" votes a council needs for a form ('*' = every form without its own row).
-- basis: of all council members, or of members present; members with a declared conflict of
-- interest are left out of both the ballots and the base.
CREATE TABLE vote_thresholds (
    id {{ID}},
    form_code TEXT NOT NULL UNIQUE,
    percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    basis TEXT NOT NULL CHECK (basis IN ('members', 'present')),
    strictly_more INTEGER NOT NULL DEFAULT 0 CHECK (strictly_more IN (0, 1)),
    source TEXT,
    confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1
);

-- Hồ sơ đề nghị khen thưởng. movement_id NULL = the regular (annual) track.
CREATE TABLE dossiers (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    movement_id BIGINT REFERENCES movements (id),
    occasion TEXT NOT NULL CHECK (occasion IN ('annual', 'so_ket', 'tong_ket')),
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    title TEXT NOT NULL CHECK (title <> ''),
    letter_no TEXT,
    letter_date TEXT,
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'under_appraisal', 'returned', 'appraised', 'before_council', 'decided')),
    return_reason TEXT,
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dossiers_status ON dossiers (status);
CREATE INDEX dossiers_unit ON dossiers (unit_id);
CREATE INDEX dossiers_movement ON dossiers (movement_id, year);

-- One nominee of a dossier: a person or a unit, the proposed form and the achievement summary.
-- engine_verdict/rule_set: what the eligibility engine said at entry; proceed_reason: the
-- clerk's reason to go on with a nominee it found not eligible; warnings: the entry warnings
-- shown (JSON list of text), kept for the appraiser.
CREATE TABLE dossier_nominees (
    id {{ID}},
    dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
    position INTEGER NOT NULL DEFAULT 0,
    person_id BIGINT REFERENCES people (id),
    unit_id BIGINT REFERENCES units (id),
    form_code TEXT NOT NULL REFERENCES award_forms (code),
    award_kind TEXT NOT NULL DEFAULT 'cong_trang' CHECK (award_kind IN ('cong_trang', 'dot_xuat', 'theo_dot', 'cong_hien')),
    summary TEXT,
    engine_verdict TEXT CHECK (engine_verdict IN ('eligible', 'not_eligible', 'needs_review')),
    rule_set TEXT,
    proceed_reason TEXT,
    warnings TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX dossier_nominees_dossier ON dossier_nominees (dossier_id, position);
CREATE INDEX dossier_nominees_person ON dossier_nominees (person_id);
CREATE INDEX dossier_nominees_unit ON dossier_nominees (unit_id);

-- The movement's standards for the nominee's category, as a checklist with evidence.
CREATE TABLE nominee_checklist (
    id {{ID}},
    nominee_id BIGINT NOT NULL REFERENCES dossier_nominees (id),
    position INTEGER NOT NULL DEFAULT 0,
    item_id TEXT NOT NULL,
    text TEXT NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    evidence TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX nominee_checklist_nominee ON nominee_checklist (nominee_id, position);

-- Files kept with a dossier. kind names the required document it is (or 'khac');
-- nominee_id for a nominee's báo cáo thành tích. `data` is never copied into the audit log.
CREATE TABLE dossier_attachments (
    id {{ID}},
    dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
    nominee_id BIGINT REFERENCES dossier_nominees (id),
    kind TEXT NOT NULL CHECK (kind IN ('to_trinh', 'danh_sach', 'bao_cao_thanh_tich', 'bien_ban', 'khac')),
    file_name TEXT NOT NULL CHECK (file_name <> ''),
    mime TEXT,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data {{BLOB}} NOT NULL,
    added_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX dossier_attachments_dossier ON dossier_attachments (dossier_id);

-- Every status change: who, when, why. Never updated or deleted (guarded).
CREATE TABLE dossier_events (
    id {{ID}},
    dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
    at TEXT NOT NULL,
    actor TEXT,
    transition TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);

-- Thẩm định, per nominee: the engine's verdict beside the appraiser's. override_reason is
-- required when the appraiser's verdict differs from the engine's.
CREATE TABLE nominee_appraisals (
    nominee_id BIGINT PRIMARY KEY REFERENCES dossier_nominees (id),
    engine_verdict TEXT NOT NULL CHECK (engine_verdict IN ('eligible', 'not_eligible', 'needs_review')),
    rule_set TEXT,
    agreed INTEGER NOT NULL CHECK (agreed IN (0, 1)),
    reason TEXT,
    override_reason TEXT,
    appraiser TEXT,
    at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- Hội đồng Thi đua – Khen thưởng: one sitting. quorum_num/quorum_den as recorded when it met.
CREATE TABLE council_sessions (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (title <> ''),
    held_on TEXT NOT NULL,
    place TEXT,
    chair TEXT,
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    movement_id BIGINT REFERENCES movements (id),
    quorum_num INTEGER NOT NULL CHECK (quorum_num > 0),
    quorum_den INTEGER NOT NULL CHECK (quorum_den >= quorum_num),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE council_members (
    id {{ID}},
    session_id BIGINT NOT NULL REFERENCES council_sessions (id),
    position INTEGER NOT NULL DEFAULT 0,
    full_name TEXT NOT NULL CHECK (full_name <> ''),
    title TEXT,
    attended INTEGER NOT NULL DEFAULT 1 CHECK (attended IN (0, 1)),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX council_members_session ON council_members (session_id, position);

-- A nominee put before a sitting and its secret-ballot tally. passed NULL = not tallied yet.
-- The threshold used and the counts it was applied to are kept for the minutes.
CREATE TABLE council_items (
    id {{ID}},
    session_id BIGINT NOT NULL REFERENCES council_sessions (id),
    nominee_id BIGINT NOT NULL REFERENCES dossier_nominees (id),
    position INTEGER NOT NULL DEFAULT 0,
    agree INTEGER CHECK (agree >= 0),
    disagree INTEGER CHECK (disagree >= 0),
    abstain INTEGER CHECK (abstain >= 0),
    voters INTEGER,
    base INTEGER,
    threshold_percent INTEGER,
    threshold_basis TEXT,
    threshold_strict INTEGER,
    passed INTEGER CHECK (passed IN (0, 1)),
    tallied_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (session_id, nominee_id)
);
CREATE INDEX council_items_nominee ON council_items (nominee_id);

-- Members who declared a conflict of interest for one item: out of that nominee's tally.
CREATE TABLE council_conflicts (
    item_id BIGINT NOT NULL REFERENCES council_items (id),
    member_id BIGINT NOT NULL REFERENCES council_members (id),
    PRIMARY KEY (item_id, member_id)
);

-- Quyết định khen thưởng. (issuer, year, register_no) is unique among issued decisions; a
-- draft may hold a number already used (the program warns). A correction is a new decision
-- with amends_id pointing to the old one.
CREATE TABLE decisions (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE,
    issuer TEXT NOT NULL CHECK (issuer <> ''),
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    register_no INTEGER NOT NULL CHECK (register_no > 0),
    number TEXT NOT NULL,
    decision_date TEXT NOT NULL,
    title TEXT,
    signer TEXT,
    signer_title TEXT,
    authority TEXT NOT NULL DEFAULT '' CHECK (authority IN ('', 'TM', 'KT', 'Q')),
    session_id BIGINT REFERENCES council_sessions (id),
    movement_id BIGINT REFERENCES movements (id),
    amends_id BIGINT REFERENCES decisions (id),
    base_salary BIGINT,
    total BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
    issued_at TEXT,
    issued_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (amends_id IS NULL OR amends_id <> id)
);
CREATE UNIQUE INDEX decisions_register ON decisions (issuer, year, register_no) WHERE status = 'issued';
CREATE INDEX decisions_session ON decisions (session_id);
CREATE INDEX decisions_movement ON decisions (movement_id);

-- The list attached to a decision, in order; award_id is the ledger row written on issue.
CREATE TABLE decision_awardees (
    id {{ID}},
    decision_id BIGINT NOT NULL REFERENCES decisions (id),
    position INTEGER NOT NULL DEFAULT 0,
    nominee_id BIGINT REFERENCES dossier_nominees (id),
    person_id BIGINT REFERENCES people (id),
    unit_id BIGINT REFERENCES units (id),
    form_code TEXT NOT NULL REFERENCES award_forms (code),
    award_kind TEXT NOT NULL DEFAULT 'cong_trang' CHECK (award_kind IN ('cong_trang', 'dot_xuat', 'theo_dot', 'cong_hien')),
    recipient TEXT NOT NULL CHECK (recipient IN ('individual', 'collective')),
    coefficient_milli INTEGER NOT NULL DEFAULT 0,
    amount BIGINT NOT NULL DEFAULT 0,
    award_id BIGINT REFERENCES awards (id),
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX decision_awardees_decision ON decision_awardees (decision_id, position);
CREATE INDEX decision_awardees_nominee ON decision_awardees (nominee_id);
CREATE INDEX decision_awardees_person ON decision_awardees (person_id);
CREATE INDEX decision_awardees_unit ON decision_awardees (unit_id);

-- What became of each nominee: awarded (by an issued decision), not awarded (appraisal or
-- council said no), or forwarded to a higher level. Written once (guarded).
CREATE TABLE nominee_outcomes (
    nominee_id BIGINT PRIMARY KEY REFERENCES dossier_nominees (id),
    outcome TEXT NOT NULL CHECK (outcome IN ('awarded', 'not_awarded', 'forwarded')),
    decision_id BIGINT REFERENCES decisions (id),
    reason TEXT,
    at TEXT NOT NULL,
    actor TEXT
);

-- The ledger row an issued decision wrote (NULL for entries typed into the registry).
ALTER TABLE awards ADD COLUMN decision_id BIGINT REFERENCES decisions (id);
CREATE INDEX awards_decision ON awards (decision_id);
