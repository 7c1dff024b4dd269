#pragma once

#include <QString>

#include <functional>
#include <utility>

namespace VinhDanh::Core {

class Database;

/// Fills a database with a deterministic synthetic province for demos and benchmarks:
/// units of every kind in a hierarchy with emulation blocs, people with plausible
/// Vietnamese names, ten years of ratings, titles, initiatives, disciplines and awards that
/// follow realistic patterns. The same options give the same data, row for row.
struct DemoOptions
{
    int units = 50;
    int people = 1000;
    quint32 seed = 1;
    int lastYear = 2025; // the ten years are lastYear-9 … lastYear
};

struct DemoResult
{
    int units = 0;
    int people = 0;
    int ratings = 0;
    int awards = 0;
    int initiatives = 0;
    int disciplines = 0;
};

/// What generateSeason() made.
struct DemoSeason
{
    QString movementKey; // the movement of the season; empty for the regular track
    QString occasion;    // annual | so_ket | tong_ket
    int year = 0;
    int dossiers = 0;
    int nominees = 0;
    int attachments = 0;
    int sittings = 0;
    int decisions = 0; // issued
    int awardees = 0;  // ledger rows the issued decisions wrote
    qint64 total = 0;  // their bonuses, in đồng
    int minutes = 0;   // bình xét minutes recorded (their facts of the year confirmed)
};

namespace Demo {
/// Adds the province to `db` in one transaction. Refuses (Error) a database that already
/// has units, so demo data never mixes with an office's real registry.
/// `progress`, when set, is called now and then with a sentence for the user.
DemoResult generate(Database &db, const DemoOptions &options, const std::function<void(const QString &)> &progress = {});

/// Plays one award season on a demo province through the workflow repositories (so the state
/// machine, guards, events and outcomes are the real ones): for a catalogue movement running
/// in `year` (else the regular track), proposal dossiers in every status with eligible
/// nominees, one not eligible proposed with a reason, generated stand-in attachments,
/// appraisals (one overriding the engine), a council sitting with attendance, a conflict of
/// interest and one failed tally, a second sitting still open, one forwarded nominee and an
/// issued decision whose awardees are priced and written to the ledger. The same seed gives
/// the same season (timestamps and generated keys aside). One transaction; run it as an
/// account that may do everything (or on a database without accounts, as the demo is).
DemoSeason generateSeason(Database &db, quint32 seed, int year = 2025);
/// generate() and then generateSeason() in ONE transaction: a run that is stopped half-way
/// (killed, a power cut) leaves the database as it was, never a province without its season
/// that a second run would refuse to complete.
std::pair<DemoResult, DemoSeason> generateProvince(Database &db, const DemoOptions &options,
                                                   const std::function<void(const QString &)> &progress = {});
/// Gives the demo office the letterhead of the provincial People's Committee whose decisions the
/// season issues, unless the office already has one (called by generateSeason()).
void writeLetterhead(Database &db);
} // namespace Demo

} // namespace VinhDanh::Core
