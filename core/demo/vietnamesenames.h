#pragma once

#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Demo {

/// Name parts for synthetic people, in realistic proportions (Nguyễn is about four in ten).
struct NameParts
{
    QStringList familyNames; // weighted list: repeats give frequency
    QStringList maleMiddleNames;
    QStringList femaleMiddleNames;
    QStringList maleGivenNames;
    QStringList femaleGivenNames;
    QStringList placeNames; // for commune/ward and enterprise names
};

const NameParts &nameParts();

} // namespace VinhDanh::Core::Demo
