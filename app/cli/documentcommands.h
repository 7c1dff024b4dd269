#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// print (documents to PDF, DOCX, XLSX, CSV), documents (the kinds), letterhead (the office's
/// header and signers): official documents (issue 5).
void addDocumentCommands(CommandTable &table);

} // namespace VinhDanh::Cli
