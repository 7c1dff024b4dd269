#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// mapping: the column mappings clerks saved in the import dialogs, listed per list kind, or one
/// deleted (issue 15 item 2).
void addMappingCommands(CommandTable &table);

} // namespace VinhDanh::Cli
