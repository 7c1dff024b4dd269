#pragma once
// The label tables of the audit log's text (auditlabels.cpp), for audittext.cpp.

#include <QString>

namespace VinhDanh::Core::AuditLabels {

struct Pair
{
    const char *key;
    const char *text; // QT_TRANSLATE_NOOP("AuditText", …)
};
/// The text of `key` among [begin, end), nullptr when absent.
const char *lookup(const Pair *begin, const Pair *end, const QString &key);

/// A table as a noun ("individual"), untranslated; nullptr for a table without one.
const char *table(const QString &name);
/// A column's label: `key` is "table.column" (wins) or the bare column; nullptr when none.
const char *field(const QString &key);
/// The place of `key` among the field labels (the order of the forms), -1 when absent.
int fieldIndex(const QString &key);
int fieldCount();
/// An office setting's label, translated; the key itself when it has none.
QString setting(const QString &key);

} // namespace VinhDanh::Core::AuditLabels
