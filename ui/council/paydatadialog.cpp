#include "ui/council/paydatadialog.h"

#include "core/accounts/permissions.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/registry/recordrepository.h"
#include "ui/council/counciltext.h"
#include "ui/widgets/editabletable.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

namespace {
const QString kQuorum = QStringLiteral("council.quorum");
const QString kIssuer = QStringLiteral("decision.issuer");
const QString kSuffix = QStringLiteral("decision.suffix");
const QString kLevel = QStringLiteral("office.level");

/// "2.340.000", "2 340 000" or "2340000" → 2340000; -1 when it is not a whole amount.
qint64 parseAmount(const QString &text)
{
    QString digits = text;
    digits.remove(QRegularExpression(QStringLiteral("[\\s.,]")));
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    return ok && !digits.isEmpty() ? value : -1;
}
} // namespace

PayDataDialog::PayDataDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_tabs(new QTabWidget(this)),
      m_salaries(new EditableTable({{tr("From"), EditableColumn::Text, {}, false, 110},
                                    {tr("Amount (VND)"), EditableColumn::Text, {}, false, 130},
                                    {tr("Source"), EditableColumn::Text, {}, false, 0}},
                                   this)),
      m_coefficients(nullptr), m_thresholds(nullptr), m_quorumNum(new QSpinBox(this)), m_quorumDen(new QSpinBox(this)),
      m_issuer(new QLineEdit(this)), m_suffix(new QLineEdit(this)), m_level(new QComboBox(this)), m_note(new QLabel(this))
{
    setWindowTitle(tr("Bonuses and votes"));
    QList<Core::CodeLabel> forms;
    try {
        for (const Core::AwardForm &f : Core::RecordRepository(db).awardForms())
            forms << Core::CodeLabel{f.code, f.name};
    } catch (const Core::Error &e) {
        m_note->setText(shownInPlace("pay data", e));
    }
    const QList<Core::CodeLabel> recipients{{QStringLiteral("individual"), CouncilText::recipient(QStringLiteral("individual"))},
                                            {QStringLiteral("collective"), CouncilText::recipient(QStringLiteral("collective"))}};
    m_coefficients = new EditableTable({{tr("Form"), EditableColumn::Code, forms},
                                        {tr("Recipient"), EditableColumn::Code, recipients, false, 110},
                                        {tr("From"), EditableColumn::Text, {}, false, 100},
                                        {tr("Coefficient"), EditableColumn::Text, {}, false, 90},
                                        {tr("Source"), EditableColumn::Text, {}, false, 260},
                                        {tr("Confirmed"), EditableColumn::Check, {}, false, 90}},
                                       this);
    QList<Core::CodeLabel> thresholdForms{{QStringLiteral("*"), tr("* every other form")}};
    thresholdForms << forms;
    const QList<Core::CodeLabel> bases{{QStringLiteral("members"), tr("of all members")},
                                       {QStringLiteral("present"), tr("of the members present")}};
    m_thresholds = new EditableTable({{tr("Form"), EditableColumn::Code, thresholdForms},
                                      {tr("Percent"), EditableColumn::Text, {}, false, 70},
                                      {tr("Counted"), EditableColumn::Code, bases, false, 170},
                                      {tr("Strictly more"), EditableColumn::Check, {}, false, 110},
                                      {tr("Source"), EditableColumn::Text, {}, false, 240},
                                      {tr("Confirmed"), EditableColumn::Check, {}, false, 90}},
                                     this);
    m_salaries->setObjectName(QStringLiteral("baseSalaries"));
    m_coefficients->setObjectName(QStringLiteral("coefficients"));
    m_thresholds->setObjectName(QStringLiteral("thresholds"));
    // Rows are kept in date (or form) order by the database: moving them means nothing.
    for (EditableTable *t : {m_salaries, m_coefficients, m_thresholds}) {
        t->upButton()->hide();
        t->downButton()->hide();
    }
    // PayData has no way to delete a threshold: a form without its own row uses "*".
    m_thresholds->removeButton()->hide();
    m_thresholds->table()->setToolTip(tr("The share of “agree” votes the council needs for a form; forms without a row of "
                                         "their own use “* every other form”."));
    m_coefficients->table()->setToolTip(tr("Bonus = coefficient × base salary in force on the decision's date, rounded up "
                                           "to the next 10,000 đồng."));

    m_quorumNum->setObjectName(QStringLiteral("quorumNum"));
    m_quorumDen->setObjectName(QStringLiteral("quorumDen"));
    m_issuer->setObjectName(QStringLiteral("settingIssuer"));
    m_suffix->setObjectName(QStringLiteral("settingSuffix"));
    m_level->setObjectName(QStringLiteral("settingLevel"));
    m_quorumNum->setRange(1, 99);
    m_quorumDen->setRange(1, 99);
    m_suffix->setToolTip(tr("Written after the register number: 123/QĐ-UBND"));
    m_level->addItem(tr("Grassroots (cơ sở)"), QStringLiteral("co_so"));
    m_level->addItem(tr("Province (tỉnh)"), QStringLiteral("tinh"));
    m_level->addItem(tr("Central (trung ương)"), QStringLiteral("trung_uong"));
    m_level->addItem(tr("State (nhà nước)"), QStringLiteral("nha_nuoc"));
    m_level->setToolTip(tr("The office decides forms up to this level; a passed nominee for a higher form is forwarded."));

    auto *quorum = new QHBoxLayout;
    quorum->addWidget(m_quorumNum);
    quorum->addWidget(new QLabel(QStringLiteral("/"), this));
    quorum->addWidget(m_quorumDen);
    quorum->addStretch();
    auto *settings = new QWidget(this);
    auto *form = new QFormLayout(settings);
    form->addRow(tr("Council &quorum (share of members present):"), quorum);
    form->addRow(tr("Decision &issuer (register):"), m_issuer);
    form->addRow(tr("Decision number &suffix:"), m_suffix);
    form->addRow(tr("Office &level:"), m_level);

    m_tabs->addTab(m_salaries, tr("&Base salaries"));
    m_tabs->addTab(m_coefficients, tr("Bonus &coefficients"));
    m_tabs->addTab(m_thresholds, tr("&Vote thresholds"));
    m_tabs->addTab(settings, tr("Council and &decisions"));

    m_note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    // Enter confirms a cell, and the cell editor commits only after the key has passed on to
    // the dialog: with a default button, Enter would save (and reload) before the commit.
    for (QAbstractButton *b : buttons->buttons())
        if (auto *push = qobject_cast<QPushButton *>(b))
            push->setAutoDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PayDataDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PayDataDialog::reject);
    connect(m_coefficients, &EditableTable::changed, this, [this] { markUnconfirmed(m_coefficients, CoefConfirmedColumn); });
    connect(m_thresholds, &EditableTable::changed, this, [this] { markUnconfirmed(m_thresholds, ThrConfirmedColumn); });

    m_readOnly = !Core::Permissions::allowed(db, Core::Permissions::Action::EditPayData);
    if (m_readOnly) {
        for (EditableTable *t : {m_salaries, m_coefficients, m_thresholds})
            t->setReadOnly(true);
        settings->setEnabled(false);
        buttons->button(QDialogButtonBox::Save)->hide();
        m_note->setText(tr("Your account may read these figures but not change them."));
    }
    load();
    resize(980, 520);
}

PayDataDialog::~PayDataDialog()
{
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

void PayDataDialog::load()
{
    m_styling = true; // filling cells emits changed(): restyle once at the end
    try {
        loadSalaries();
        loadCoefficients();
        loadThresholds();
        loadSettings();
    } catch (const Core::Error &e) {
        m_note->setText(shownInPlace("pay data", e));
    }
    m_styling = false;
    markUnconfirmed(m_coefficients, CoefConfirmedColumn);
    markUnconfirmed(m_thresholds, ThrConfirmedColumn);
}

void PayDataDialog::loadSalaries()
{
    m_storedSalaries.clear();
    m_salaries->clear();
    for (const BaseSalary &s : PayData(m_db).baseSalaries()) {
        m_storedSalaries.insert(s.id, s);
        const int row = m_salaries->addRow();
        m_salaries->setText(row, SalaryFromColumn, CouncilText::date(s.effectiveFrom));
        m_salaries->setText(row, SalaryAmountColumn, Money::amountText(s.amount));
        m_salaries->setText(row, SalarySourceColumn, s.source);
        m_salaries->setRowData(row, s.id);
    }
}

void PayDataDialog::loadCoefficients()
{
    m_storedCoefficients.clear();
    m_coefficients->clear();
    for (const Coefficient &c : PayData(m_db).coefficients()) {
        m_storedCoefficients.insert(c.id, c);
        const int row = m_coefficients->addRow();
        m_coefficients->setCode(row, CoefFormColumn, c.formCode);
        m_coefficients->setCode(row, CoefRecipientColumn, c.recipient);
        m_coefficients->setText(row, CoefFromColumn, CouncilText::date(c.effectiveFrom));
        m_coefficients->setText(row, CoefValueColumn, Money::coefficientText(c.coefficientMilli));
        m_coefficients->setText(row, CoefSourceColumn, c.source);
        m_coefficients->setChecked(row, CoefConfirmedColumn, c.confirmed);
        m_coefficients->setRowData(row, c.id);
    }
}

void PayDataDialog::loadThresholds()
{
    m_storedThresholds.clear();
    m_thresholds->clear();
    for (const Threshold &t : PayData(m_db).thresholds()) {
        m_storedThresholds.insert(t.formCode, t);
        const int row = m_thresholds->addRow();
        m_thresholds->setCode(row, ThrFormColumn, t.formCode);
        m_thresholds->setText(row, ThrPercentColumn, QString::number(t.percent));
        m_thresholds->setCode(row, ThrBasisColumn, t.basis);
        m_thresholds->setChecked(row, ThrStrictColumn, t.strictlyMore);
        m_thresholds->setText(row, ThrSourceColumn, t.source);
        m_thresholds->setChecked(row, ThrConfirmedColumn, t.confirmed);
        m_thresholds->setRowData(row, t.formCode);
        // A stored row is replaced by its form code: the form itself is not edited.
        QTableWidgetItem *formCell = m_thresholds->table()->item(row, ThrFormColumn);
        formCell->setFlags(formCell->flags() & ~Qt::ItemIsEditable);
    }
}

void PayDataDialog::loadSettings()
{
    const PayData pay(m_db);
    m_storedSettings.clear();
    for (const QString &key : {kQuorum, kIssuer, kSuffix, kLevel})
        m_storedSettings.insert(key, pay.setting(key));
    int num = 2, den = 3;
    pay.quorum(&num, &den);
    m_quorumNum->setValue(num);
    m_quorumDen->setValue(den);
    m_issuer->setText(m_storedSettings.value(kIssuer));
    m_suffix->setText(m_storedSettings.value(kSuffix));
    selectData(m_level, m_storedSettings.value(kLevel));
}

void PayDataDialog::markUnconfirmed(EditableTable *table, int confirmedColumn)
{
    if (m_styling)
        return;
    m_styling = true;
    QTableWidget *widget = table->table();
    // Not an edit: without the blocker EditableTable would see itemChanged, put each text
    // cell's own text back as its tooltip and report a change.
    const QSignalBlocker blocker(widget);
    for (int row = 0; row < widget->rowCount(); ++row) {
        const bool unconfirmed = !table->checked(row, confirmedColumn);
        for (int c = 0; c < widget->columnCount(); ++c) {
            QTableWidgetItem *item = widget->item(row, c);
            if (!item)
                continue;
            QFont font = item->font();
            font.setItalic(unconfirmed);
            item->setFont(font);
            item->setToolTip(unconfirmed ? tr("Not confirmed: this figure comes from a repealed rule or an inference (see "
                                              "its source). Check it against the rule in force, then tick Confirmed.")
                                         : item->text());
        }
    }
    m_styling = false;
}

void PayDataDialog::accept()
{
    if (m_readOnly || save())
        QDialog::accept();
}

bool PayDataDialog::save()
{
    if (m_readOnly)
        return false;
    if (!saveSalaries() || !saveCoefficients() || !saveThresholds() || !saveSettings())
        return false;
    load(); // the database's order, and the ids of new rows
    return true;
}

bool PayDataDialog::refuse(EditableTable *table, int row, const QString &message, const QString &detail)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i) == table)
            m_tabs->setCurrentIndex(i);
    if (row >= 0)
        table->setCurrentRow(row);
    showError(this, tr("Bonuses and votes"), row >= 0 ? tr("Row %1: %2").arg(row + 1).arg(message) : message, detail);
    return false;
}

bool PayDataDialog::saveSalaries()
{
    PayData pay(m_db);
    QSet<qint64> kept;
    for (int row = 0; row < m_salaries->rowCount(); ++row)
        kept.insert(m_salaries->rowData(row).toLongLong());
    try {
        for (qint64 id : m_storedSalaries.keys()) {
            if (!kept.contains(id)) {
                pay.removeBaseSalary(id);
                m_storedSalaries.remove(id);
            }
        }
    } catch (const Core::Error &e) {
        return refuse(m_salaries, -1, e.message(), e.detail());
    }
    for (int row = 0; row < m_salaries->rowCount(); ++row) {
        BaseSalary s;
        s.id = m_salaries->rowData(row).toLongLong();
        const QString fromText = m_salaries->text(row, SalaryFromColumn);
        s.effectiveFrom = DateField::parse(fromText);
        if (!fromText.trimmed().isEmpty() && !s.effectiveFrom.isValid())
            return refuse(m_salaries, row, badDateMessage(tr("From"), fromText));
        s.amount = parseAmount(m_salaries->text(row, SalaryAmountColumn));
        if (s.amount < 0)
            return refuse(
                m_salaries, row,
                tr("“%1” is not an amount in đồng: write it like 2.340.000.").arg(m_salaries->text(row, SalaryAmountColumn)));
        s.source = m_salaries->text(row, SalarySourceColumn).trimmed();
        const BaseSalary stored = m_storedSalaries.value(s.id);
        if (s.id > 0 && stored.effectiveFrom == s.effectiveFrom && stored.amount == s.amount && stored.source == s.source)
            continue;
        try {
            pay.saveBaseSalary(s);
        } catch (const Core::Error &e) {
            return refuse(m_salaries, row, e.message(), e.detail());
        }
        m_storedSalaries.insert(s.id, s);
        m_salaries->setRowData(row, s.id);
    }
    return true;
}

bool PayDataDialog::saveCoefficients()
{
    PayData pay(m_db);
    QSet<qint64> kept;
    for (int row = 0; row < m_coefficients->rowCount(); ++row)
        kept.insert(m_coefficients->rowData(row).toLongLong());
    try {
        for (qint64 id : m_storedCoefficients.keys()) {
            if (!kept.contains(id)) {
                pay.removeCoefficient(id);
                m_storedCoefficients.remove(id);
            }
        }
    } catch (const Core::Error &e) {
        return refuse(m_coefficients, -1, e.message(), e.detail());
    }
    for (int row = 0; row < m_coefficients->rowCount(); ++row) {
        Coefficient c;
        c.id = m_coefficients->rowData(row).toLongLong();
        c.formCode = m_coefficients->code(row, CoefFormColumn);
        c.recipient = m_coefficients->code(row, CoefRecipientColumn);
        const QString fromText = m_coefficients->text(row, CoefFromColumn);
        c.effectiveFrom = DateField::parse(fromText);
        if (!fromText.trimmed().isEmpty() && !c.effectiveFrom.isValid())
            return refuse(m_coefficients, row, badDateMessage(tr("From"), fromText));
        const QString value = m_coefficients->text(row, CoefValueColumn);
        c.coefficientMilli = Money::parseCoefficient(value);
        if (c.coefficientMilli < 0)
            return refuse(m_coefficients, row,
                          tr("“%1” is not a coefficient: write a number with up to three decimals, like 1,5.").arg(value));
        c.source = m_coefficients->text(row, CoefSourceColumn).trimmed();
        c.confirmed = m_coefficients->checked(row, CoefConfirmedColumn);
        const Coefficient stored = m_storedCoefficients.value(c.id);
        if (c.id > 0 && stored.formCode == c.formCode && stored.recipient == c.recipient && stored.effectiveFrom == c.effectiveFrom
            && stored.coefficientMilli == c.coefficientMilli && stored.source == c.source && stored.confirmed == c.confirmed)
            continue;
        try {
            pay.saveCoefficient(c);
        } catch (const Core::Error &e) {
            return refuse(m_coefficients, row, e.message(), e.detail());
        }
        m_storedCoefficients.insert(c.id, c);
        m_coefficients->setRowData(row, c.id);
    }
    return true;
}

bool PayDataDialog::saveThresholds()
{
    PayData pay(m_db);
    QSet<QString> forms;
    for (int row = 0; row < m_thresholds->rowCount(); ++row) {
        Threshold t;
        t.formCode = m_thresholds->code(row, ThrFormColumn);
        if (forms.contains(t.formCode))
            return refuse(m_thresholds, row,
                          tr("%1 has two threshold rows: keep one.").arg(m_thresholds->codeLabel(ThrFormColumn, t.formCode)));
        forms.insert(t.formCode);
        const QString percent = m_thresholds->text(row, ThrPercentColumn).trimmed().remove(QLatin1Char('%'));
        bool ok = false;
        t.percent = percent.toInt(&ok);
        if (!ok)
            return refuse(
                m_thresholds, row,
                tr("“%1” is not a percentage: write a whole number from 1 to 100.").arg(m_thresholds->text(row, ThrPercentColumn)));
        t.basis = m_thresholds->code(row, ThrBasisColumn);
        t.strictlyMore = m_thresholds->checked(row, ThrStrictColumn);
        t.source = m_thresholds->text(row, ThrSourceColumn).trimmed();
        t.confirmed = m_thresholds->checked(row, ThrConfirmedColumn);
        const auto stored = m_storedThresholds.constFind(t.formCode);
        if (stored != m_storedThresholds.constEnd() && stored->percent == t.percent && stored->basis == t.basis
            && stored->strictlyMore == t.strictlyMore && stored->source == t.source && stored->confirmed == t.confirmed)
            continue;
        try {
            pay.saveThreshold(t);
        } catch (const Core::Error &e) {
            return refuse(m_thresholds, row, e.message(), e.detail());
        }
        m_storedThresholds.insert(t.formCode, t);
    }
    return true;
}

bool PayDataDialog::saveSettings()
{
    QWidget *page = m_tabs->widget(3);
    if (m_quorumNum->value() > m_quorumDen->value()) {
        m_tabs->setCurrentWidget(page);
        QMessageBox::warning(this, tr("Bonuses and votes"),
                             tr("The quorum is a share of the members: %1/%2 is more than all of them.")
                                 .arg(m_quorumNum->value())
                                 .arg(m_quorumDen->value()));
        return false;
    }
    if (m_issuer->text().trimmed().isEmpty() || m_suffix->text().trimmed().isEmpty()) {
        m_tabs->setCurrentWidget(page);
        QMessageBox::warning(this, tr("Bonuses and votes"),
                             tr("Enter the decision register's issuer and number suffix (e.g. UBND tỉnh and QĐ-UBND)."));
        return false;
    }
    const QMap<QString, QString> values{{kQuorum, QStringLiteral("%1/%2").arg(m_quorumNum->value()).arg(m_quorumDen->value())},
                                        {kIssuer, m_issuer->text().trimmed()},
                                        {kSuffix, m_suffix->text().trimmed()},
                                        {kLevel, m_level->currentData().toString()}};
    try {
        PayData pay(m_db);
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (m_storedSettings.value(it.key()) == it.value())
                continue;
            pay.setSetting(it.key(), it.value());
            m_storedSettings.insert(it.key(), it.value());
        }
    } catch (const Core::Error &e) {
        m_tabs->setCurrentWidget(page);
        showError(this, tr("Bonuses and votes"), e);
        return false;
    }
    return true;
}

} // namespace VinhDanh::Ui
