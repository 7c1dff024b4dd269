#pragma once

// The word runs AwardFormNames reads in a form's name besides its words (formnames_words.cpp):
// the issuer's level, the body other than the State, and the words as the clerk wrote them.

#include "core/tables/formnames.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace VinhDanh::Core::Tables::FormWords {

/// A run of words naming a level or a body: its group, folded words, and the words spelled
/// with their marks ("ủy|uỷ": either placement of the tone), which a word written with marks
/// must be ("Tĩnh" of Hà Tĩnh is not "tỉnh").
struct Level
{
    int group;
    QStringList run;     // folded
    QStringList spelled; // with the marks, lower case
};
Level levelRun(int group, const char *words);
const QList<Level> &levelRuns();

/// The bodies other than the State (see bodyRuns() in formnames_words.cpp).
enum Body { Party = 1, Front, Union, Youth, Women, Farmers, Veterans, Committee = 9, MassOrganisations = 10 };
const QList<Level> &bodyRuns();

/// Whether a word follows a city's name and never starts one ("tặng", "cho"…).
bool isNotACityWord(const AwardFormNames::LevelToken &t);
/// How many tokens from `from` name a centrally-run city (0: none).
qsizetype centralCityLength(const QList<AwardFormNames::LevelToken> &tokens, qsizetype from);
/// Whether folded words start with one of the centrally-run cities' names.
bool startsWithCentralCity(const QStringList &folded);

/// The words of an NFC text as written (lower case), folded, and where they stand.
QList<AwardFormNames::LevelToken> writtenTokens(const QString &text);
QString nfc(const QString &text);
/// The runs found in `tokens`: (group, first token, length), group 0 left out.
QList<std::array<qsizetype, 3>> runHits(const QList<AwardFormNames::LevelToken> &tokens, const QList<Level> &runs);
QList<std::array<qsizetype, 3>> levelHits(const QList<AwardFormNames::LevelToken> &tokens);
/// The bodies a text names.
QSet<int> bodiesOf(const QString &text);
/// Whether the tokens name a body's national organisation ("Tổng LĐLĐ", "Hội Nông dân Việt
/// Nam") and no level: its awards are the central bodies' (level "trung ương").
bool namesNationalBody(const QList<AwardFormNames::LevelToken> &tokens);
/// The text without its bodies, levels, country and issuer words: what kind of award it is.
QString withoutBodies(const QString &text);

} // namespace VinhDanh::Core::Tables::FormWords
