// The audit log's labels: tables as nouns, columns as the forms label them, the office
// settings. English here, Vietnamese in translations/ (context AuditText); audittext.cpp
// puts them together. Apart because the tables alone are 170 lines.
#include "core/auditlog/auditlabels_p.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace VinhDanh::Core::AuditLabels {

namespace {
// Tables as nouns and columns as the forms label them. A key "table.column" wins over the
// bare column. English here, Vietnamese in translations/ (context AuditText).
const Pair kTables[] = {
    {"blocs", QT_TRANSLATE_NOOP("AuditText", "emulation cluster or bloc")},
    {"units", QT_TRANSLATE_NOOP("AuditText", "unit")},
    {"people", QT_TRANSLATE_NOOP("AuditText", "individual")},
    {"movements", QT_TRANSLATE_NOOP("AuditText", "emulation movement")},
    {"ratings", QT_TRANSLATE_NOOP("AuditText", "yearly rating")},
    {"awards", QT_TRANSLATE_NOOP("AuditText", "award")},
    {"initiatives", QT_TRANSLATE_NOOP("AuditText", "initiative")},
    {"initiative_holders", QT_TRANSLATE_NOOP("AuditText", "author of an initiative")},
    {"disciplines", QT_TRANSLATE_NOOP("AuditText", "disciplinary measure")},
    {"accounts", QT_TRANSLATE_NOOP("AuditText", "account")},
    {"base_salaries", QT_TRANSLATE_NOOP("AuditText", "base salary")},
    {"bonus_coefficients", QT_TRANSLATE_NOOP("AuditText", "bonus coefficient")},
    {"vote_thresholds", QT_TRANSLATE_NOOP("AuditText", "vote threshold")},
    {"dossiers", QT_TRANSLATE_NOOP("AuditText", "award proposal dossier")},
    {"dossier_nominees", QT_TRANSLATE_NOOP("AuditText", "proposed nominee")},
    {"nominee_checklist", QT_TRANSLATE_NOOP("AuditText", "checklist item of a nominee")},
    {"dossier_attachments", QT_TRANSLATE_NOOP("AuditText", "document of a dossier")},
    {"nominee_appraisals", QT_TRANSLATE_NOOP("AuditText", "appraisal of a nominee")},
    {"nominee_outcomes", QT_TRANSLATE_NOOP("AuditText", "outcome for a nominee")},
    {"council_sessions", QT_TRANSLATE_NOOP("AuditText", "council sitting")},
    {"council_members", QT_TRANSLATE_NOOP("AuditText", "council member")},
    {"council_items", QT_TRANSLATE_NOOP("AuditText", "nominee before the council")},
    {"council_conflicts", QT_TRANSLATE_NOOP("AuditText", "member not voting (conflict of interest)")},
    {"decisions", QT_TRANSLATE_NOOP("AuditText", "decision")},
    {"decision_awardees", QT_TRANSLATE_NOOP("AuditText", "awardee of a decision")},
    {"eligibility_confirmations", QT_TRANSLATE_NOOP("AuditText", "confirmation of a standard")},
    {"office_settings", QT_TRANSLATE_NOOP("AuditText", "office setting")},
    {"award_forms", QT_TRANSLATE_NOOP("AuditText", "award form")},
    {"rule_sets", QT_TRANSLATE_NOOP("AuditText", "set of award rules")},
    {"dossier_events", QT_TRANSLATE_NOOP("AuditText", "step of a dossier")},
    {"audit_exports", QT_TRANSLATE_NOOP("AuditText", "export of the audit log")},
    {"review_minutes", QT_TRANSLATE_NOOP("AuditText", "review minutes")},
    {"review_minutes_subjects", QT_TRANSLATE_NOOP("AuditText", "person or unit in review minutes")},
    {"gold_book", QT_TRANSLATE_NOOP("AuditText", "gold book entry")},
    {"import_batches", QT_TRANSLATE_NOOP("AuditText", "import of a file")},
    {"registry_merges", QT_TRANSLATE_NOOP("AuditText", "merge of duplicate records")},
};
const Pair kFields[] = {
    {"name", QT_TRANSLATE_NOOP("AuditText", "Name")},
    {"units.name", QT_TRANSLATE_NOOP("AuditText", "Unit name")},
    {"movements.name", QT_TRANSLATE_NOOP("AuditText", "Movement name")},
    {"award_forms.name", QT_TRANSLATE_NOOP("AuditText", "Award form")},
    {"kind", QT_TRANSLATE_NOOP("AuditText", "Kind")},
    {"units.kind", QT_TRANSLATE_NOOP("AuditText", "Kind of unit")},
    {"awards.kind", QT_TRANSLATE_NOOP("AuditText", "Kind of award")},
    {"disciplines.kind", QT_TRANSLATE_NOOP("AuditText", "Disciplinary measure")},
    {"dossier_attachments.kind", QT_TRANSLATE_NOOP("AuditText", "Kind of document")},
    {"award_forms.kind", QT_TRANSLATE_NOOP("AuditText", "Kind of form")},
    {"parent_id", QT_TRANSLATE_NOOP("AuditText", "Parent unit")},
    {"bloc_id", QT_TRANSLATE_NOOP("AuditText", "Emulation bloc")},
    {"valid_from", QT_TRANSLATE_NOOP("AuditText", "Valid from")},
    {"valid_to", QT_TRANSLATE_NOOP("AuditText", "Valid to")},
    {"succeeded_by_id", QT_TRANSLATE_NOOP("AuditText", "Succeeded by")},
    {"full_name", QT_TRANSLATE_NOOP("AuditText", "Full name")},
    {"given_name", QT_TRANSLATE_NOOP("AuditText", "Given name")},
    {"gender", QT_TRANSLATE_NOOP("AuditText", "Gender")},
    {"birth_date", QT_TRANSLATE_NOOP("AuditText", "Birth date")},
    {"cccd", QT_TRANSLATE_NOOP("AuditText", "CCCD")},
    {"unit_id", QT_TRANSLATE_NOOP("AuditText", "Unit")},
    {"dossiers.unit_id", QT_TRANSLATE_NOOP("AuditText", "Proposing unit")},
    {"people.position", QT_TRANSLATE_NOOP("AuditText", "Position")},
    {"category", QT_TRANSLATE_NOOP("AuditText", "Category")},
    {"is_catalogue", QT_TRANSLATE_NOOP("AuditText", "From the catalogue")},
    {"copied_from", QT_TRANSLATE_NOOP("AuditText", "Copied from")},
    {"issuer", QT_TRANSLATE_NOOP("AuditText", "Issuing body")},
    {"plan_number", QT_TRANSLATE_NOOP("AuditText", "Plan number")},
    {"plan_date", QT_TRANSLATE_NOOP("AuditText", "Plan date")},
    {"period_from", QT_TRANSLATE_NOOP("AuditText", "From")},
    {"period_to", QT_TRANSLATE_NOOP("AuditText", "To")},
    {"person_id", QT_TRANSLATE_NOOP("AuditText", "Individual")},
    {"register_seq", QT_TRANSLATE_NOOP("AuditText", "Register number")},
    {"register_year", QT_TRANSLATE_NOOP("AuditText", "Register year")},
    {"year", QT_TRANSLATE_NOOP("AuditText", "Year")},
    {"rating", QT_TRANSLATE_NOOP("AuditText", "Rating")},
    {"note", QT_TRANSLATE_NOOP("AuditText", "Note")},
    {"form_code", QT_TRANSLATE_NOOP("AuditText", "Award form")},
    {"decision_no", QT_TRANSLATE_NOOP("AuditText", "Decision number")},
    {"decision_date", QT_TRANSLATE_NOOP("AuditText", "Decision date")},
    {"authority", QT_TRANSLATE_NOOP("AuditText", "Authority")},
    {"movement_id", QT_TRANSLATE_NOOP("AuditText", "Movement")},
    {"decision_id", QT_TRANSLATE_NOOP("AuditText", "Decision")},
    {"title", QT_TRANSLATE_NOOP("AuditText", "Title")},
    {"dossiers.title", QT_TRANSLATE_NOOP("AuditText", "Title (trích yếu)")},
    {"decisions.title", QT_TRANSLATE_NOOP("AuditText", "Title (trích yếu)")},
    {"council_members.title", QT_TRANSLATE_NOOP("AuditText", "Position")},
    {"initiatives.title", QT_TRANSLATE_NOOP("AuditText", "Name of the initiative")},
    {"level", QT_TRANSLATE_NOOP("AuditText", "Level")},
    {"used_for_award_id", QT_TRANSLATE_NOOP("AuditText", "Used for the award")},
    {"start_date", QT_TRANSLATE_NOOP("AuditText", "From")},
    {"end_date", QT_TRANSLATE_NOOP("AuditText", "To")},
    {"username", QT_TRANSLATE_NOOP("AuditText", "Username")},
    {"role", QT_TRANSLATE_NOOP("AuditText", "Role")},
    {"disabled", QT_TRANSLATE_NOOP("AuditText", "Disabled")},
    {"failed_attempts", QT_TRANSLATE_NOOP("AuditText", "Failed sign-ins")},
    {"locked_until", QT_TRANSLATE_NOOP("AuditText", "Locked until")},
    {"last_login_at", QT_TRANSLATE_NOOP("AuditText", "Last sign-in")},
    {"effective_from", QT_TRANSLATE_NOOP("AuditText", "Effective from")},
    {"amount", QT_TRANSLATE_NOOP("AuditText", "Amount")},
    {"source", QT_TRANSLATE_NOOP("AuditText", "Legal basis")},
    {"recipient", QT_TRANSLATE_NOOP("AuditText", "Recipient")},
    {"recipients", QT_TRANSLATE_NOOP("AuditText", "Recipients")},
    {"coefficient_milli", QT_TRANSLATE_NOOP("AuditText", "Coefficient")},
    {"confirmed", QT_TRANSLATE_NOOP("AuditText", "Confirmed")},
    {"percent", QT_TRANSLATE_NOOP("AuditText", "Percentage")},
    {"basis", QT_TRANSLATE_NOOP("AuditText", "Counted over")},
    {"threshold_basis", QT_TRANSLATE_NOOP("AuditText", "Counted over")},
    {"strictly_more", QT_TRANSLATE_NOOP("AuditText", "Strictly more than")},
    {"threshold_strict", QT_TRANSLATE_NOOP("AuditText", "Strictly more than")},
    {"occasion", QT_TRANSLATE_NOOP("AuditText", "Occasion")},
    {"letter_no", QT_TRANSLATE_NOOP("AuditText", "Letter number")},
    {"letter_date", QT_TRANSLATE_NOOP("AuditText", "Letter date")},
    {"status", QT_TRANSLATE_NOOP("AuditText", "Status")},
    {"return_reason", QT_TRANSLATE_NOOP("AuditText", "Reason for returning")},
    {"submitted_at", QT_TRANSLATE_NOOP("AuditText", "Submitted")},
    {"dossier_id", QT_TRANSLATE_NOOP("AuditText", "Dossier")},
    {"award_kind", QT_TRANSLATE_NOOP("AuditText", "Kind of award")},
    {"summary", QT_TRANSLATE_NOOP("AuditText", "Achievement summary")},
    {"engine_verdict", QT_TRANSLATE_NOOP("AuditText", "Checked against the rules")},
    {"rule_set", QT_TRANSLATE_NOOP("AuditText", "Rule set")},
    {"proceed_reason", QT_TRANSLATE_NOOP("AuditText", "Reason for proceeding")},
    {"warnings", QT_TRANSLATE_NOOP("AuditText", "Warnings")},
    {"nominee_id", QT_TRANSLATE_NOOP("AuditText", "Nominee")},
    {"item_id", QT_TRANSLATE_NOOP("AuditText", "Item")},
    {"text", QT_TRANSLATE_NOOP("AuditText", "Text")},
    {"evidence", QT_TRANSLATE_NOOP("AuditText", "Evidence")},
    {"file_name", QT_TRANSLATE_NOOP("AuditText", "File name")},
    {"mime", QT_TRANSLATE_NOOP("AuditText", "File type")},
    {"size", QT_TRANSLATE_NOOP("AuditText", "Size (bytes)")},
    {"added_at", QT_TRANSLATE_NOOP("AuditText", "Added")},
    {"agreed", QT_TRANSLATE_NOOP("AuditText", "Agreed with the check")},
    {"reason", QT_TRANSLATE_NOOP("AuditText", "Reason")},
    {"override_reason", QT_TRANSLATE_NOOP("AuditText", "Reason for overriding")},
    {"appraiser", QT_TRANSLATE_NOOP("AuditText", "Appraiser")},
    {"at", QT_TRANSLATE_NOOP("AuditText", "Time")},
    {"outcome", QT_TRANSLATE_NOOP("AuditText", "Outcome")},
    {"actor", QT_TRANSLATE_NOOP("AuditText", "Who")},
    {"held_on", QT_TRANSLATE_NOOP("AuditText", "Date of the meeting")},
    {"place", QT_TRANSLATE_NOOP("AuditText", "Place")},
    {"chair", QT_TRANSLATE_NOOP("AuditText", "Chair")},
    {"quorum_num", QT_TRANSLATE_NOOP("AuditText", "Quorum (numerator)")},
    {"quorum_den", QT_TRANSLATE_NOOP("AuditText", "Quorum (denominator)")},
    {"start_time", QT_TRANSLATE_NOOP("AuditText", "Start time")},
    {"end_time", QT_TRANSLATE_NOOP("AuditText", "End time")},
    {"secretary", QT_TRANSLATE_NOOP("AuditText", "Secretary")},
    {"session_id", QT_TRANSLATE_NOOP("AuditText", "Council sitting")},
    {"attended", QT_TRANSLATE_NOOP("AuditText", "Attended")},
    {"agree", QT_TRANSLATE_NOOP("AuditText", "Agree")},
    {"disagree", QT_TRANSLATE_NOOP("AuditText", "Disagree")},
    {"abstain", QT_TRANSLATE_NOOP("AuditText", "Abstain")},
    {"voters", QT_TRANSLATE_NOOP("AuditText", "Voters")},
    {"base", QT_TRANSLATE_NOOP("AuditText", "Counted over (people)")},
    {"threshold_percent", QT_TRANSLATE_NOOP("AuditText", "Threshold (%)")},
    {"passed", QT_TRANSLATE_NOOP("AuditText", "Passed")},
    {"tallied_at", QT_TRANSLATE_NOOP("AuditText", "Counted")},
    {"member_id", QT_TRANSLATE_NOOP("AuditText", "Member")},
    {"register_no", QT_TRANSLATE_NOOP("AuditText", "Register number")},
    {"number", QT_TRANSLATE_NOOP("AuditText", "Number")},
    {"decisions.number", QT_TRANSLATE_NOOP("AuditText", "Decision number")},
    {"signer", QT_TRANSLATE_NOOP("AuditText", "Signer")},
    {"signer_title", QT_TRANSLATE_NOOP("AuditText", "Signer's title")},
    {"amends_id", QT_TRANSLATE_NOOP("AuditText", "Amends the decision")},
    {"base_salary", QT_TRANSLATE_NOOP("AuditText", "Base salary")},
    {"total", QT_TRANSLATE_NOOP("AuditText", "Total")},
    {"issued_at", QT_TRANSLATE_NOOP("AuditText", "Issued")},
    {"issued_by", QT_TRANSLATE_NOOP("AuditText", "Issued by")},
    {"award_id", QT_TRANSLATE_NOOP("AuditText", "Award")},
    {"confirmed_by", QT_TRANSLATE_NOOP("AuditText", "Confirmed by")},
    {"confirmed_at", QT_TRANSLATE_NOOP("AuditText", "Confirmed on")},
    {"minutes_id", QT_TRANSLATE_NOOP("AuditText", "Review minutes")},
    {"key", QT_TRANSLATE_NOOP("AuditText", "Setting")},
    {"value", QT_TRANSLATE_NOOP("AuditText", "Value")},
    {"code", QT_TRANSLATE_NOOP("AuditText", "Code")},
    {"rank", QT_TRANSLATE_NOOP("AuditText", "Rank")},
    {"repeat_window", QT_TRANSLATE_NOOP("AuditText", "Years between two awards")},
    {"set_id", QT_TRANSLATE_NOOP("AuditText", "Rule set")},
    {"imported_at", QT_TRANSLATE_NOOP("AuditText", "Imported")},
    {"imported_by", QT_TRANSLATE_NOOP("AuditText", "Imported by")},
    {"retired_at", QT_TRANSLATE_NOOP("AuditText", "Retired")},
    {"transition", QT_TRANSLATE_NOOP("AuditText", "Step")},
    {"from_status", QT_TRANSLATE_NOOP("AuditText", "Status before")},
    {"to_status", QT_TRANSLATE_NOOP("AuditText", "Status after")},
    {"format", QT_TRANSLATE_NOOP("AuditText", "Format")},
    {"unmasked", QT_TRANSLATE_NOOP("AuditText", "With CCCD and birth dates")},
    {"row_count", QT_TRANSLATE_NOOP("AuditText", "Rows")},
    {"attendees", QT_TRANSLATE_NOOP("AuditText", "Attendees")},
    {"recorded_by", QT_TRANSLATE_NOOP("AuditText", "Recorded by")},
    {"recorded_at", QT_TRANSLATE_NOOP("AuditText", "Recorded")},
    {"book", QT_TRANSLATE_NOOP("AuditText", "Book")},
    {"awardee_id", QT_TRANSLATE_NOOP("AuditText", "Awardee")},
    {"printed_at", QT_TRANSLATE_NOOP("AuditText", "Printed")},
    {"initiative_id", QT_TRANSLATE_NOOP("AuditText", "Initiative")},
    {"rule_sets.version", QT_TRANSLATE_NOOP("AuditText", "Version")},
    // A bulk import's batch (issue 15): what was read and what it wrote.
    {"import_batches.source", QT_TRANSLATE_NOOP("AuditText", "Kind of import")},
    {"file_sha256", QT_TRANSLATE_NOOP("AuditText", "SHA-256 of the file")},
    {"counts", QT_TRANSLATE_NOOP("AuditText", "Rows per table")},
    // Merges of duplicates (issue 15): the kept and the dropped record, what moved.
    {"registry_merges.kind", QT_TRANSLATE_NOOP("AuditText", "Kind of record")},
    {"kept_id", QT_TRANSLATE_NOOP("AuditText", "Record kept")},
    {"kept_key", QT_TRANSLATE_NOOP("AuditText", "Key kept")},
    {"dropped_id", QT_TRANSLATE_NOOP("AuditText", "Record merged into it")},
    {"dropped_key", QT_TRANSLATE_NOOP("AuditText", "Key merged into it")},
    {"dropped_name", QT_TRANSLATE_NOOP("AuditText", "Name merged into it")},
    {"moved", QT_TRANSLATE_NOOP("AuditText", "Rows moved")},
    {"set_aside", QT_TRANSLATE_NOOP("AuditText", "Rows set aside")},
    {"filled", QT_TRANSLATE_NOOP("AuditText", "Fields filled in")},
    {"merged_at", QT_TRANSLATE_NOOP("AuditText", "Merged")},
    {"merged_by", QT_TRANSLATE_NOOP("AuditText", "Merged by")},
    {"undone_at", QT_TRANSLATE_NOOP("AuditText", "Undone")},
    {"undone_by", QT_TRANSLATE_NOOP("AuditText", "Undone by")},
};

// The office settings (office_settings.key) as the letterhead and office dialogs label them.
const Pair kSettings[] = {
    {"council.quorum", QT_TRANSLATE_NOOP("AuditText", "Council quorum (share of members present)")},
    {"decision.issuer", QT_TRANSLATE_NOOP("AuditText", "Decision issuer (register)")},
    {"decision.suffix", QT_TRANSLATE_NOOP("AuditText", "Decision number suffix")},
    {"letterhead.abbreviation", QT_TRANSLATE_NOOP("AuditText", "Abbreviation")},
    {"letterhead.bases_after", QT_TRANSLATE_NOOP("AuditText", "Legal bases after the award rules")},
    {"letterhead.bases_before", QT_TRANSLATE_NOOP("AuditText", "Legal bases before the award rules")},
    {"letterhead.body", QT_TRANSLATE_NOOP("AuditText", "Issuing body")},
    {"letterhead.collective", QT_TRANSLATE_NOOP("AuditText", "Collective name")},
    {"letterhead.head_title", QT_TRANSLATE_NOOP("AuditText", "Head's title")},
    {"letterhead.parent", QT_TRANSLATE_NOOP("AuditText", "Parent body")},
    {"letterhead.place", QT_TRANSLATE_NOOP("AuditText", "Place name on documents")},
    {"office.level", QT_TRANSLATE_NOOP("AuditText", "Office level")},
};

} // namespace

const char *lookup(const Pair *begin, const Pair *end, const QString &key)
{
    const auto it = std::find_if(begin, end, [&](const Pair &p) { return key == QLatin1String(p.key); });
    return it == end ? nullptr : it->text;
}

const char *table(const QString &name)
{
    return lookup(std::begin(kTables), std::end(kTables), name);
}

const char *field(const QString &key)
{
    return lookup(std::begin(kFields), std::end(kFields), key);
}

int fieldIndex(const QString &key)
{
    const auto it = std::find_if(std::begin(kFields), std::end(kFields), [&](const Pair &p) { return key == QLatin1String(p.key); });
    return it == std::end(kFields) ? -1 : int(it - std::begin(kFields));
}

int fieldCount()
{
    return int(std::size(kFields));
}

QString setting(const QString &key)
{
    const char *text = lookup(std::begin(kSettings), std::end(kSettings), key);
    if (text)
        return QCoreApplication::translate("AuditText", text);
    // A column mapping saved in the import dialog: import.mapping.<list kind>.<the clerk's name>.
    static const QString mapping = QStringLiteral("import.mapping.");
    if (key.startsWith(mapping)) {
        const qsizetype dot = key.indexOf(QLatin1Char('.'), mapping.size());
        if (dot > 0)
            return QCoreApplication::translate("AuditText", "Saved column mapping \"%1\"").arg(key.mid(dot + 1));
    }
    return key;
}

} // namespace VinhDanh::Core::AuditLabels
