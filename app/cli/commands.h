#pragma once

#include <QStringList>

namespace VinhDanh::Cli {

/// Runs one `vinhdanh-cli` command. `args` starts with the command name. Returns the exit
/// code: 0 on success, 1 when the work failed (a one-line message was printed), 2 for a
/// usage mistake.
int run(const QStringList &args);

} // namespace VinhDanh::Cli
