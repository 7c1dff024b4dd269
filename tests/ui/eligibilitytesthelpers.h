#pragma once
// Helpers shared by the eligibility widget tests (header-only), on top of uitesthelpers.h:
// seeding a nominee's history through the repositories, and catching what
// QAbstractItemModelTester reports.

#include "tests/ui/uitesthelpers.h"

#include "core/registry/recordrepository.h"

#include <QAbstractItemModel>
#include <QModelIndex>
#include <QStringList>
#include <QtGlobal>

namespace VinhDanh::Test {

/// Rates `subject` with `rating` for every year from `from` to `to`.
inline void rateYears(Core::Database &db, const Core::Subject &subject, int from, int to,
                      const QString &rating = QStringLiteral("HTXSNV"))
{
    Core::RecordRepository records(db);
    for (int year = from; year <= to; ++year) {
        Core::Rating r;
        r.subject = subject;
        r.year = year;
        r.rating = rating;
        records.setRating(r);
    }
}

/// The first row (depth first) under `parent` whose `role` data satisfies `match`.
template<typename Match>
QModelIndex findRow(const QAbstractItemModel &model, Match match, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (match(index))
            return index;
        if (const QModelIndex found = findRow(model, match, index); found.isValid())
            return found;
    }
    return {};
}

} // namespace VinhDanh::Test
