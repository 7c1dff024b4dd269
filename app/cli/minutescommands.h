#pragma once

#include "clisupport.h"

namespace VinhDanh::Cli {

/// minutes add | minutes list: a unit's bình xét minutes (issue 13 item 6).
void addMinutesCommands(CommandTable &table);
/// The options `confirm --minutes KEY` adds to confirm (eligibilitycommands.cpp).
void addConfirmFromMinutesOptions(QCommandLineParser &p);
/// `confirm --minutes KEY [--person KEY…] [--from-file FILE.csv]`: confirms the year facts of
/// the nominees the minutes name (all of them, or those listed).
void confirmFromMinutes(QCommandLineParser &p);

} // namespace VinhDanh::Cli
