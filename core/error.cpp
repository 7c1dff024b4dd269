#include "core/error.h"

namespace VinhDanh::Core {

// Warnings and above are on by default; QT_LOGGING_RULES="vinhdanh.*=true" adds the debug lines.
Q_LOGGING_CATEGORY(vinhdanhCore, "vinhdanh.core", QtWarningMsg)

} // namespace VinhDanh::Core
