#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <memory>

namespace distilbench {
class Tokenizer;
}

// The vocabulary as a two-column table (id, token) without copying it into items.
class VocabularyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setTokenizer(std::shared_ptr<distilbench::Tokenizer> tokenizer);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<distilbench::Tokenizer> tokenizer_;
};

// Filters by token substring, or by exact id when the search is a number.
class VocabularyFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString search_;
    bool isId_ = false;
    qint64 id_ = -1;
};
