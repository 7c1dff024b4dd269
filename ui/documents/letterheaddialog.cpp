#include "ui/documents/letterheaddialog.h"

#include "core/accounts/permissions.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "ui/widgets/editabletable.h"
#include "ui/widgets/errorbox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

LetterheadDialog::LetterheadDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_readOnly(!Core::Permissions::allowed(db, Core::Permissions::Action::EditLetterhead)),
      m_parentBody(new QPlainTextEdit(this)), m_body(new QPlainTextEdit(this)), m_abbreviation(new QLineEdit(this)),
      m_place(new QLineEdit(this)), m_headTitle(new QLineEdit(this)), m_collective(new QLineEdit(this)),
      m_signers(new EditableTable({{tr("Name"), EditableColumn::Text, {}, false, 200},
                                   {tr("Title"), EditableColumn::Text, {}, false, 0},
                                   {tr("Signs as"), EditableColumn::Code, Core::Codes::authorityList(), true, 230}},
                                  this)),
      m_recipients(new QPlainTextEdit(this)), m_basesBefore(new QPlainTextEdit(this)), m_basesAfter(new QPlainTextEdit(this)),
      m_note(new QLabel(this))
{
    setWindowTitle(tr("Letterhead"));
    const QList<QPair<QWidget *, const char *>> names{{m_parentBody, "parentBody"},     {m_body, "body"},
                                                      {m_abbreviation, "abbreviation"}, {m_place, "place"},
                                                      {m_headTitle, "headTitle"},       {m_collective, "collectiveName"},
                                                      {m_signers, "signers"},           {m_recipients, "recipients"},
                                                      {m_note, "readOnlyNote"},         {m_basesBefore, "basesBefore"},
                                                      {m_basesAfter, "basesAfter"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    // Documents are Vietnamese: the examples are what the office would type.
    m_parentBody->setPlaceholderText(QStringLiteral("UBND TỈNH THANH HÓA"));
    m_body->setPlaceholderText(QStringLiteral("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA"));
    for (QPlainTextEdit *edit : {m_parentBody, m_body}) {
        // Two lines show; Enter starts the next line of the name as it is printed.
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 2 + 14);
        edit->setToolTip(tr("One line of the printed name per line; a long line is broken between words"));
    }
    m_abbreviation->setPlaceholderText(QStringLiteral("SNV"));
    m_abbreviation->setToolTip(tr("Written after the type of document in its number, e.g. 12/TTr-SNV"));
    m_place->setPlaceholderText(QStringLiteral("Thanh Hóa"));
    m_place->setToolTip(tr("The place name of the date line: “Thanh Hóa, ngày … tháng … năm …”"));
    m_headTitle->setPlaceholderText(QStringLiteral("Giám đốc"));
    m_headTitle->setToolTip(tr("The head's title, which a deputy signs for (KT. GIÁM ĐỐC)"));
    m_collective->setPlaceholderText(QStringLiteral("Ủy ban nhân dân"));
    m_collective->setToolTip(tr("What TM. signs for; empty: the issuing body"));
    m_recipients->setToolTip(tr("One recipient per line, as “Nơi nhận” lists them"));
    m_recipients->setTabChangesFocus(true);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("background: #fff4ce; padding: 4px;"));

    auto *header = new QGroupBox(tr("Issuing body"), this);
    auto *form = new QFormLayout(header);
    form->addRow(tr("&Parent body:"), m_parentBody);
    form->addRow(tr("Issuing &body:"), m_body);
    form->addRow(tr("Abbre&viation:"), m_abbreviation);
    form->addRow(tr("P&lace:"), m_place);
    form->addRow(tr("&Head's title:"), m_headTitle);
    form->addRow(tr("&Collective name:"), m_collective);

    auto *signersBox = new QGroupBox(tr("Signers"), this);
    auto *signersLayout = new QVBoxLayout(signersBox);
    signersLayout->addWidget(m_signers);
    auto *recipientsBox = new QGroupBox(tr("Usual recipients (Nơi nhận)"), this);
    auto *recipientsLayout = new QVBoxLayout(recipientsBox);
    recipientsLayout->addWidget(m_recipients);

    // The office's own "Căn cứ" lines, one per line, around the award rules' acts.
    auto *basesBox = new QGroupBox(tr("The office's legal bases (Căn cứ)"), this);
    auto *basesForm = new QFormLayout(basesBox);
    m_basesBefore->setPlaceholderText(QStringLiteral("Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"));
    m_basesBefore->setToolTip(tr("Cited before the award rules' acts, one per line, without “Căn cứ”"));
    m_basesAfter->setPlaceholderText(
        QStringLiteral("Quyết định số …/…/QĐ-UBND ngày … của UBND tỉnh ban hành Quy chế công tác thi đua, khen thưởng"));
    m_basesAfter->setToolTip(tr("Cited after the award rules' acts, one per line, without “Căn cứ”"));
    for (QPlainTextEdit *edit : {m_basesBefore, m_basesAfter}) {
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(70);
    }
    basesForm->addRow(tr("Be&fore the award rules:"), m_basesBefore);
    basesForm->addRow(tr("Aft&er the award rules:"), m_basesAfter);

    auto *buttons = new QDialogButtonBox(m_readOnly ? QDialogButtonBox::Close : QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LetterheadDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LetterheadDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(header);
    layout->addWidget(signersBox, 2);
    layout->addWidget(recipientsBox, 1);
    layout->addWidget(basesBox);
    layout->addWidget(buttons);

    load(Documents::Letterhead::load(db));
    if (m_readOnly) {
        m_note->setText(tr("Your account may read the letterhead but not change it (%1 is not among its rights).")
                            .arg(Core::Permissions::actionName(Core::Permissions::Action::EditLetterhead)));
        for (QLineEdit *edit : {m_abbreviation, m_place, m_headTitle, m_collective})
            edit->setReadOnly(true);
        m_parentBody->setReadOnly(true);
        m_body->setReadOnly(true);
        for (QPlainTextEdit *edit : {m_recipients, m_basesBefore, m_basesAfter})
            edit->setReadOnly(true);
        m_signers->setReadOnly(true);
    }
    m_note->setVisible(m_readOnly);
    resize(720, 640);
}

void LetterheadDialog::load(const Documents::Letterhead &l)
{
    m_parentBody->setPlainText(l.parentBody);
    m_body->setPlainText(l.body);
    m_abbreviation->setText(l.abbreviation);
    m_place->setText(l.place);
    m_headTitle->setText(l.headTitle);
    m_collective->setText(l.collectiveName);
    m_signers->clear();
    for (const Documents::Signer &s : l.signers) {
        const int row = m_signers->addRow();
        m_signers->setText(row, NameColumn, s.name);
        m_signers->setText(row, TitleColumn, s.title);
        m_signers->setCode(row, AuthorityColumn, s.authority);
    }
    m_recipients->setPlainText(l.recipients.join(QLatin1Char('\n')));
    m_basesBefore->setPlainText(l.basesBefore.join(QLatin1Char('\n')));
    m_basesAfter->setPlainText(l.basesAfter.join(QLatin1Char('\n')));
}

Documents::Letterhead LetterheadDialog::letterhead() const
{
    Documents::Letterhead l;
    l.parentBody = m_parentBody->toPlainText().trimmed();
    l.body = m_body->toPlainText().trimmed();
    l.abbreviation = m_abbreviation->text().trimmed();
    l.place = m_place->text().trimmed();
    l.headTitle = m_headTitle->text().trimmed();
    l.collectiveName = m_collective->text().trimmed();
    for (int row = 0; row < m_signers->rowCount(); ++row) {
        const Documents::Signer s{m_signers->text(row, NameColumn).trimmed(), m_signers->text(row, TitleColumn).trimmed(),
                                  m_signers->code(row, AuthorityColumn)};
        // A row left wholly empty (Add pressed, nothing typed) is not a signer.
        if (!s.name.isEmpty() || !s.title.isEmpty() || !s.authority.isEmpty())
            l.signers << s;
    }
    l.recipients.clear();
    for (const QString &line : m_recipients->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            l.recipients << line.trimmed();
    l.basesBefore = m_basesBefore->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    l.basesAfter = m_basesAfter->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return l;
}

void LetterheadDialog::accept()
{
    if (m_readOnly) {
        reject();
        return;
    }
    try {
        letterhead().save(m_db);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot save the letterhead"), e);
        return;
    }
    QDialog::accept();
}

} // namespace VinhDanh::Ui
