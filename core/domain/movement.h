#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

// A movement plan, field for field the format of docs/movement-format.md.

struct MovementPhase
{
    int ordinal = 0;
    QString name;
    int fromYear = 0;
    int toYear = 0;
    QString review; // so_ket | tong_ket | empty
    int reviewYear = 0;
    QString text;
};

struct MovementContent
{
    QString number;
    QString text;
};

struct MovementCategory
{
    QString code;
    QString kind; // collective | individual
    QString name;
    QStringList unitKinds;
    QStringList personCategories;
};

struct MovementAward
{
    QString occasion; // annual | so_ket | tong_ket
    QStringList awardCodes;
    QString name;
    QString recipients; // collective | individual | both
    QString note;
};

struct MovementStandard
{
    QStringList awardCodes;
    QString occasion;
    QString category; // a MovementCategory::code
    QString heading;
    QStringList items;
};

struct Movement
{
    qint64 id = 0;
    QString key;
    bool isCatalogue = false;
    QString copiedFrom; // key of the catalogue movement it was copied from
    QString seed;
    QString name;
    QString title;
    QString issuer;
    QString documentKind;
    QString planNumber;
    QDate planDate;
    QString place;
    QString scope;
    int periodFrom = 0;
    int periodTo = 0;
    QStringList legalBases;
    QString signerTitle;
    QString signerName;
    QList<MovementPhase> phases;
    QList<MovementContent> contents;
    QList<MovementCategory> categories;
    QList<MovementAward> awards;
    QList<MovementStandard> standards;
    QStringList notes;
    int version = 0; // the stored version this copy was read at (0 = not saved yet)

    /// Standards groups for one award code (all occasions when occasion is empty).
    QList<MovementStandard> standardsFor(const QString &awardCode, const QString &occasion = {}) const;
    const MovementCategory *category(const QString &code) const;
};

struct MovementSummary
{
    qint64 id = 0;
    QString key;
    QString name;
    QString issuer;
    QString planNumber;
    int periodFrom = 0;
    int periodTo = 0;
    bool isCatalogue = false;
};

} // namespace VinhDanh::Core
