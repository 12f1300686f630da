#pragma once

#include <QTableWidgetItem>

// A table cell that shows text ("82.0%", "+3.1") and sorts by the number behind it.
class NumericTableItem : public QTableWidgetItem {
public:
    NumericTableItem(double value, const QString& text, bool rightAligned = true)
        : QTableWidgetItem(text) {
        setData(Qt::UserRole, value);
        if (rightAligned) setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};
