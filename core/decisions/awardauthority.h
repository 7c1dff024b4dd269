#pragma once

#include <QString>

namespace VinhDanh::Core {
class Database;
}

// Which authority may award a form (issue 13): Giấy khen and the grassroots titles by the head
// of the agency or unit or the commune Chairman, Bằng khen and the provincial titles by the
// provincial Chairman, higher forms by the Prime Minister or the State President, on a proposal.
// Data: resources/catalogue/award_authority.json, else award_forms.level. The office's own
// level is the office setting "office.level": its decisions are issued at that level.
namespace VinhDanh::Core::Workflow::AwardAuthority {

struct Check
{
    enum class Verdict {
        Allowed,     // the office's issuer awards this form
        Unconfirmed, // it seems to, but the law notes do not confirm who awards it: warn, ask why
        Upward,      // a higher level awards it: the office proposes it (the nominee is forwarded)
        Refused      // a lower level awards it: not on this office's decision
    };
    Verdict verdict = Verdict::Allowed;
    QString formName;
    QString level;       // the level that awards the form
    QString officeLevel; // the level this office issues at
    QString source;
    /// Translated, for Unconfirmed, Upward and Refused: the form, who awards it, who this is.
    QString message;
    bool allowedWithReason() const { return verdict == Verdict::Allowed || verdict == Verdict::Unconfirmed; }
};

/// The office's issuing level ("tinh" unless the office set another).
QString officeLevel(const Database &db);
/// Who awards the form, measured against the office's level.
Check check(const Database &db, const QString &formCode);
/// "the Chairman of the provincial People's Committee"… (translated) for a level code.
QString authorityName(const QString &level);

} // namespace VinhDanh::Core::Workflow::AwardAuthority
