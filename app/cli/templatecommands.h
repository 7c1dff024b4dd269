#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// template: the XLSX to fill in for import-table (issue 15). Added by addTableCommands.
void addTemplateCommands(CommandTable &table);

} // namespace VinhDanh::Cli
