// The ledger tables' one INSERT each (issue 17 item 3): every writer of ratings, awards,
// initiatives, their holders and disciplines builds its statement from these declarations.
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"

namespace VinhDanh::Core {

const RowWriter &RecordRepository::ratingRows()
{
    static const RowWriter writer(u"INSERT INTO ratings (person_id, unit_id, year, rating, note)");
    return writer;
}

const RowWriter &RecordRepository::awardRows()
{
    // decision_id last: only decision issue writes it, the others write the rest in this order.
    static const RowWriter writer(u"INSERT INTO awards (ext_key, person_id, unit_id, form_code, kind, year, decision_no, "
                                  u"decision_date, authority, movement_id, note, decision_id)");
    return writer;
}

const RowWriter &RecordRepository::initiativeRows()
{
    static const RowWriter writer(
        u"INSERT INTO initiatives (ext_key, title, decision_no, decision_date, level, used_for_award_id, note)");
    return writer;
}

const RowWriter &RecordRepository::holderRows()
{
    static const RowWriter writer(u"INSERT INTO initiative_holders (initiative_id, person_id)");
    return writer;
}

const RowWriter &RecordRepository::disciplineRows()
{
    static const RowWriter writer(
        u"INSERT INTO disciplines (ext_key, person_id, unit_id, kind, start_date, end_date, decision_no, note)");
    return writer;
}

} // namespace VinhDanh::Core
