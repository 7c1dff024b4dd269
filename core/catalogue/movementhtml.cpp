#include "core/catalogue/movementhtml.h"

#include "core/domain/codes.h"

#include <QCoreApplication>

namespace VinhDanh::Core::MovementHtml {

namespace {

// Every fixed label below is spelled QCoreApplication::translate("MovementHtml", …) in full
// so that lupdate finds it; a helper taking `const char *` would hide the strings from it.

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString orNotGiven(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("<i>%1</i>").arg(QCoreApplication::translate("MovementHtml", "not given")) : esc(value);
}

QString yearsText(int from, int to)
{
    if (from <= 0 && to <= 0)
        return QStringLiteral("<i>%1</i>").arg(QCoreApplication::translate("MovementHtml", "not given"));
    if (from == to || to <= 0)
        return QString::number(from);
    if (from <= 0)
        return QString::number(to);
    return QCoreApplication::translate("MovementHtml", "%1–%2", "a range of years").arg(from).arg(to);
}

QString codeNames(const QStringList &codes, const QMap<QString, QString> &awardNames)
{
    QStringList names;
    for (const QString &code : codes)
        names << awardNames.value(code, code);
    return names.join(QStringLiteral("; "));
}

QString labels(Codes::Set set, const QStringList &codes)
{
    QStringList out;
    for (const QString &code : codes)
        out << Codes::label(set, code);
    return out.join(QStringLiteral(", "));
}

QString heading(const QString &text)
{
    return QStringLiteral("<h3>%1</h3>").arg(esc(text));
}

QString bulletList(const QStringList &items)
{
    QString html = QStringLiteral("<ul>");
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(esc(item));
    return html + QStringLiteral("</ul>");
}

QString factsTable(const Movement &m)
{
    QList<QPair<QString, QString>> rows;
    rows.append({QCoreApplication::translate("MovementHtml", "Issuer"), orNotGiven(m.issuer)});
    rows.append({QCoreApplication::translate("MovementHtml", "Document"), orNotGiven(m.documentKind)});
    // A plan often leaves its number and date blank ("Số: /KH-UBND", "ngày tháng năm"):
    // say so plainly instead of showing an empty cell that looks like missing data.
    rows.append(
        {QCoreApplication::translate("MovementHtml", "Number"),
         m.planNumber.isEmpty()
             ? QStringLiteral("<i>%1</i>").arg(QCoreApplication::translate("MovementHtml", "not numbered (left blank in the plan)"))
             : esc(m.planNumber)});
    rows.append(
        {QCoreApplication::translate("MovementHtml", "Date"),
         m.planDate.isValid()
             ? m.planDate.toString(QStringLiteral("dd/MM/yyyy"))
             : QStringLiteral("<i>%1</i>").arg(QCoreApplication::translate("MovementHtml", "not dated (left blank in the plan)"))});
    rows.append({QCoreApplication::translate("MovementHtml", "Place"), orNotGiven(m.place)});
    rows.append({QCoreApplication::translate("MovementHtml", "Scope"), orNotGiven(m.scope)});
    rows.append({QCoreApplication::translate("MovementHtml", "Period"), yearsText(m.periodFrom, m.periodTo)});
    if (!m.signerTitle.isEmpty() || !m.signerName.isEmpty())
        rows.append({QCoreApplication::translate("MovementHtml", "Signed by"),
                     QCoreApplication::translate("MovementHtml", "%1 %2", "signer: title, then name")
                         .arg(esc(m.signerTitle), esc(m.signerName))
                         .trimmed()});

    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    for (const auto &row : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(row.first), row.second);
    return html + QStringLiteral("</table>");
}

QString phasesSection(const Movement &m)
{
    if (m.phases.isEmpty())
        return {};
    QString html = heading(QCoreApplication::translate("MovementHtml", "Phases")) + QStringLiteral("<ul>");
    for (const MovementPhase &p : m.phases) {
        QString line = QStringLiteral("<b>%1</b> (%2)").arg(esc(p.name), yearsText(p.fromYear, p.toYear));
        if (!p.review.isEmpty()) {
            const QString review = Codes::label(Codes::Set::Occasion, p.review);
            line += QStringLiteral(" — %1").arg(p.reviewYear > 0
                                                    ? QCoreApplication::translate("MovementHtml", "%1 in %2", "review kind, then year")
                                                          .arg(esc(review))
                                                          .arg(p.reviewYear)
                                                    : esc(review));
        }
        if (!p.text.isEmpty())
            line += QStringLiteral("<br/>%1").arg(esc(p.text));
        html += QStringLiteral("<li>%1</li>").arg(line);
    }
    return html + QStringLiteral("</ul>");
}

QString contentsSection(const Movement &m)
{
    if (m.contents.isEmpty())
        return {};
    QString html = heading(QCoreApplication::translate("MovementHtml", "Contents"));
    for (int i = 0; i < m.contents.size(); ++i) {
        const MovementContent &c = m.contents.at(i);
        // A content without its own number gets its position, so the list stays numbered.
        const QString number = c.number.isEmpty() ? QString::number(i + 1) : c.number;
        html += QStringLiteral("<p><b>%1.</b> %2</p>").arg(esc(number), esc(c.text));
    }
    return html;
}

QString categoriesSection(const Movement &m)
{
    if (m.categories.isEmpty())
        return {};
    QString html = heading(QCoreApplication::translate("MovementHtml", "Nominee categories"));
    const struct
    {
        const char *kind;
        QString title;
    } groups[] = {
        {"collective", QCoreApplication::translate("MovementHtml", "Collectives")},
        {"individual", QCoreApplication::translate("MovementHtml", "Individuals")},
    };
    for (const auto &group : groups) {
        QString items;
        for (const MovementCategory &c : m.categories) {
            if (c.kind != QLatin1String(group.kind))
                continue;
            const QString kinds = c.kind == QLatin1String("collective") ? labels(Codes::Set::UnitKind, c.unitKinds)
                                                                        : labels(Codes::Set::PersonCategory, c.personCategories);
            items += kinds.isEmpty() ? QStringLiteral("<li>%1</li>").arg(esc(c.name))
                                     : QStringLiteral("<li>%1 <i>(%2)</i></li>").arg(esc(c.name), esc(kinds));
        }
        if (!items.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(esc(group.title), items);
    }
    return html;
}

/// The occasions in display order: the known ones first, then any unknown code as found.
QStringList occasionOrder(const Movement &m)
{
    QStringList order;
    for (const CodeLabel &c : Codes::list(Codes::Set::Occasion))
        order << c.code;
    for (const MovementAward &a : m.awards)
        if (!order.contains(a.occasion))
            order << a.occasion;
    for (const MovementStandard &s : m.standards)
        if (!order.contains(s.occasion))
            order << s.occasion;
    return order;
}

QString awardsSection(const Movement &m, const QMap<QString, QString> &awardNames)
{
    if (m.awards.isEmpty())
        return {};
    QString html = heading(QCoreApplication::translate("MovementHtml", "Award forms"));
    for (const QString &occasion : occasionOrder(m)) {
        QString items;
        for (const MovementAward &a : m.awards) {
            if (a.occasion != occasion)
                continue;
            const QString recorded = codeNames(a.awardCodes, awardNames);
            QString line = QStringLiteral("<b>%1</b>").arg(esc(a.name.isEmpty() ? recorded : a.name));
            if (!a.recipients.isEmpty())
                line += QStringLiteral(" — %1").arg(esc(Codes::label(Codes::Set::Recipients, a.recipients)));
            // The plan's words may name a form differently (a city's "Bằng khen của Chủ tịch
            // UBND thành phố" is BK_TINH): show what the registry records it as.
            if (!a.name.isEmpty() && recorded != a.name && !recorded.isEmpty())
                line += QStringLiteral("<br/><small>%1</small>")
                            .arg(esc(QCoreApplication::translate("MovementHtml", "Recorded as: %1").arg(recorded)));
            if (!a.note.isEmpty())
                line += QStringLiteral("<br/><i>%1</i>").arg(esc(a.note));
            items += QStringLiteral("<li>%1</li>").arg(line);
        }
        if (!items.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>").arg(esc(Codes::label(Codes::Set::Occasion, occasion)), items);
    }
    return html;
}

/// The title of a standards group: the plan's own name for that award when the award list
/// has it, else the registry names of the codes.
QString awardTitle(const Movement &m, const QStringList &codes, const QString &occasion, const QMap<QString, QString> &awardNames)
{
    for (const MovementAward &a : m.awards)
        if (a.occasion == occasion && a.awardCodes == codes && !a.name.isEmpty())
            return a.name;
    return codeNames(codes, awardNames);
}

QString standardsSection(const Movement &m, const QMap<QString, QString> &awardNames)
{
    if (m.standards.isEmpty())
        return {};
    // Group by (award codes, occasion) in the order the plan first mentions each award, and
    // keep the plan's order of categories inside a group.
    QList<QPair<QStringList, QString>> groups;
    for (const MovementStandard &s : m.standards) {
        const QPair<QStringList, QString> key{s.awardCodes, s.occasion};
        if (!groups.contains(key))
            groups.append(key);
    }
    QString html = heading(QCoreApplication::translate("MovementHtml", "Standards"));
    for (const auto &group : groups) {
        html += QStringLiteral("<h4>%1</h4>")
                    .arg(esc(QCoreApplication::translate("MovementHtml", "%1 (%2)", "award name, then occasion")
                                 .arg(awardTitle(m, group.first, group.second, awardNames),
                                      Codes::label(Codes::Set::Occasion, group.second))));
        for (const MovementStandard &s : m.standards) {
            if (s.awardCodes != group.first || s.occasion != group.second)
                continue;
            QString title = s.heading;
            if (title.isEmpty()) {
                const MovementCategory *category = m.category(s.category);
                title = category ? category->name : s.category;
            }
            if (!title.isEmpty())
                html += QStringLiteral("<p><b>%1</b></p>").arg(esc(title));
            html += bulletList(s.items);
        }
    }
    return html;
}

} // namespace

QString render(const Movement &m, const QMap<QString, QString> &awardNames)
{
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<h2>%1</h2>")
                .arg(esc(m.name.isEmpty() ? QCoreApplication::translate("MovementHtml", "(movement without a name)") : m.name));
    if (m.isCatalogue)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(QCoreApplication::translate("MovementHtml",
                                                         "Catalogue movement (read-only). Copy it to adapt it for your office.")));
    else if (!m.copiedFrom.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(QCoreApplication::translate("MovementHtml", "Copied from the catalogue movement %1.").arg(m.copiedFrom)));
    if (!m.title.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(esc(m.title));
    html += factsTable(m);
    if (!m.legalBases.isEmpty())
        html += heading(QCoreApplication::translate("MovementHtml", "Legal bases")) + bulletList(m.legalBases);
    html += phasesSection(m);
    html += contentsSection(m);
    html += categoriesSection(m);
    html += awardsSection(m, awardNames);
    html += standardsSection(m, awardNames);
    if (!m.notes.isEmpty())
        html += heading(QCoreApplication::translate("MovementHtml", "Notes")) + bulletList(m.notes);
    return html + QStringLiteral("</body></html>");
}

} // namespace VinhDanh::Core::MovementHtml
