#include "core/domain/movement.h"

namespace VinhDanh::Core {

QList<MovementStandard> Movement::standardsFor(const QString &awardCode, const QString &occasion) const
{
    QList<MovementStandard> out;
    for (const MovementStandard &s : standards)
        if (s.awardCodes.contains(awardCode) && (occasion.isEmpty() || s.occasion == occasion))
            out.append(s);
    return out;
}

const MovementCategory *Movement::category(const QString &code) const
{
    for (const MovementCategory &c : categories)
        if (c.code == code)
            return &c;
    return nullptr;
}

} // namespace VinhDanh::Core
