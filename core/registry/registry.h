#pragma once

#include "core/domain/awardform.h"

#include <QDate>
#include <QList>
#include <QString>

namespace VinhDanh::Core {

// Plain values for the registry. Ids are database row ids (0 = not saved yet / none);
// `key` is the stable external key used by the interchange file and the CLI.
// Code fields hold codes of core/domain/codes.h.

struct Bloc
{
    qint64 id = 0;
    QString key;
    QString name;
    QString kind;    // cum | khoi
    int version = 0; // the stored version this copy was read at (0 = not saved yet)
};

struct Unit
{
    qint64 id = 0;
    QString key;
    QString name;
    QString kind;
    qint64 parentId = 0;
    qint64 blocId = 0;
    QDate validFrom;
    QDate validTo;
    qint64 succeededById = 0; // the unit it was merged into or renamed to (2025 reorganisation)
    int version = 0;          // the stored version this copy was read at (0 = not saved yet)
};

struct Person
{
    qint64 id = 0;
    QString key;
    QString fullName;
    QString gender; // male | female | empty
    QDate birthDate;
    QString cccd; // 12 digits, optional, unique when given
    qint64 unitId = 0;
    QString position;
    QString category;
    int version = 0; // the stored version this copy was read at (0 = not saved yet)
};

/// A subject of yearly records and awards: exactly one of personId / unitId is set.
struct Subject
{
    qint64 personId = 0;
    qint64 unitId = 0;
    static Subject person(qint64 id) { return {id, 0}; }
    static Subject unit(qint64 id) { return {0, id}; }
    bool isPerson() const { return personId > 0; }
};

struct Rating
{
    qint64 id = 0;
    Subject subject;
    int year = 0;
    QString rating; // HTXSNV | HTTNV | HTNV | KHTNV
    QString note;
    int version = 0; // the stored version this copy was read at (0 = not saved yet)
};

struct Award
{
    qint64 id = 0;
    QString key;
    Subject subject;
    QString formCode;
    QString kind; // cong_trang | dot_xuat | theo_dot | cong_hien
    int year = 0;
    QString decisionNo;
    QDate decisionDate;
    QString authority;
    qint64 movementId = 0;
    QString note;
    int version = 0; // the stored version this copy was read at (0 = not saved yet)
};

struct Initiative
{
    qint64 id = 0;
    QString key;
    QString title;
    QString decisionNo;
    QDate decisionDate;
    QString level; // co_so | tinh | toan_quoc
    QList<qint64> holderIds;
    qint64 usedForAwardId = 0;
    QString note;
    int version = 0; // the stored version this copy was read at (0 = not saved yet)
};

struct Discipline
{
    qint64 id = 0;
    QString key;
    Subject subject;
    QString kind;
    QDate startDate;
    QDate endDate; // null = still in force
    QString decisionNo;
    QString note;
    int version = 0; // the stored version this copy was read at (0 = not saved yet)
};

} // namespace VinhDanh::Core
