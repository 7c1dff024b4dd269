#pragma once

#include "core/tables/legacytext.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;

namespace VinhDanh::Ui {

/// The staff-list import's line about legacy Vietnamese text (issue 15 item 4): which columns
/// were read as TCVN3, VNI or VIQR and how sure the guess is ("Column B "Họ và tên": TCVN3
/// (ABC), confidence 92%…"), and a column + encoding choice with which the clerk overrides a
/// guess. The dialog reads the file again with the choice.
class EncodingBar : public QWidget
{
    Q_OBJECT
public:
    explicit EncodingBar(QWidget *parent = nullptr);

    /// Shows `columns` (every text column of the sheet read) with their `headers` (by column,
    /// as converted); hidden when there is none.
    void setColumns(const QList<Core::Tables::ColumnEncoding> &columns, const QStringList &headers);
    QString summaryText() const;

signals:
    void encodingChosen(int column, Core::Tables::TextEncoding encoding);

private:
    void showColumn();

    QList<Core::Tables::ColumnEncoding> m_columns;
    QLabel *m_summary;
    QComboBox *m_column;
    QComboBox *m_encoding;
};

} // namespace VinhDanh::Ui
