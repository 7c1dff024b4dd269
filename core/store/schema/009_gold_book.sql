-- Schema version 9, both backends: the sổ vàng (gold book), the register in which the office
-- numbers the certificates it prints (Decree 152/2025, formerly Decree 98/2023 Art 104: "Số sổ
-- vàng" under the decision's number). One sequence per blank ("bang-khen", "giay-khen": two
-- books) and per year of the decision. An award gets its number when its certificate is first
-- printed and keeps it for every reprint (core/documents/certificatenumbers.cpp).
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE gold_book (
    id {{ID}},
    book TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
    number INTEGER NOT NULL CHECK (number > 0),
    awardee_id BIGINT NOT NULL REFERENCES decision_awardees (id),
    printed_at TEXT NOT NULL,
    UNIQUE (book, year, number),
    UNIQUE (book, awardee_id)
);
CREATE INDEX gold_book_awardee ON gold_book (awardee_id);
