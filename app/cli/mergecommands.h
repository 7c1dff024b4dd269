#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// duplicates, merge, unmerge: likely duplicate people and units, merged and undone (issue 15).
void addMergeCommands(CommandTable &table);

} // namespace VinhDanh::Cli
