#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// dossier import-list: a lower unit's danh sách đề nghị (XLSX, DOCX or CSV) into a dossier as
/// its nominees, previewed or committed all or nothing (issue 15).
void addNomineeListCommands(CommandTable &table);

} // namespace VinhDanh::Cli
