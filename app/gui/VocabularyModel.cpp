#include "app/gui/VocabularyModel.h"

#include "core/tokenizers/Tokenizer.h"

void VocabularyModel::setTokenizer(std::shared_ptr<distilbench::Tokenizer> tokenizer) {
    beginResetModel();
    tokenizer_ = std::move(tokenizer);
    endResetModel();
}

int VocabularyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !tokenizer_ ? 0 : static_cast<int>(tokenizer_->vocabSize());
}

int VocabularyModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 2;
}

QVariant VocabularyModel::data(const QModelIndex& index, int role) const {
    if (!tokenizer_ || role != Qt::DisplayRole) return {};
    if (index.column() == 0) return index.row();
    return QString::fromStdString(tokenizer_->idToToken(index.row()));
}

QVariant VocabularyModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == 0 ? tr("Id") : tr("Token");
}

void VocabularyFilter::setSearch(const QString& text) {
    search_ = text.trimmed();
    bool ok = false;
    id_ = search_.toLongLong(&ok);
    isId_ = ok;
    invalidateFilter();
}

bool VocabularyFilter::filterAcceptsRow(int row, const QModelIndex& parent) const {
    if (search_.isEmpty()) return true;
    if (isId_ && row == id_) return true;
    const QString token = sourceModel()->index(row, 1, parent).data().toString();
    return token.contains(search_, Qt::CaseInsensitive);
}
