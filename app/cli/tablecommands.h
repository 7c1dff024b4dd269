#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// import-table: staff and their yearly ratings from an XLSX or CSV list, previewed or
/// committed all or nothing (issue 15).
void addTableCommands(CommandTable &table);

} // namespace VinhDanh::Cli
