#pragma once

#include <QString>

namespace VinhDanh::Core {

/// One form of award (a title, a certificate of merit, an order). In domain/, below the
/// registry: the catalogue (core/catalogue/) ships the list every database starts with.
struct AwardForm
{
    QString code;
    QString name;
    QString kind;       // title | certificate | order
    QString recipients; // individual | collective | both
    QString level;
    int rank = 0;
};

} // namespace VinhDanh::Core
