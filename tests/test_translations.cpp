// Translations: every .ts entry finished and consistent (placeholders, plural forms, menu
// accelerators), every source string of the code present, and the embedded .qm files used.
#include <QCoreApplication>
#include <QDirIterator>
#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/Translations.h"

namespace {

const QString kSource = QStringLiteral(DISTILBENCH_SOURCE_DIR);

struct Entry {
    QString context, source;
    QStringList translations;  // one, or the plural forms
    bool unfinished = false, numerus = false;
};

QList<Entry> readTs(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QDomDocument doc;
    doc.setContent(&f);
    QList<Entry> out;
    const QDomNodeList contexts = doc.elementsByTagName("context");
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement ctx = contexts.at(c).toElement();
        const QString name = ctx.firstChildElement("name").text();
        for (QDomElement m = ctx.firstChildElement("message"); !m.isNull();
             m = m.nextSiblingElement("message")) {
            Entry e;
            e.context = name;
            e.source = m.firstChildElement("source").text();
            e.numerus = m.attribute("numerus") == "yes";
            const QDomElement t = m.firstChildElement("translation");
            const QString type = t.attribute("type");
            e.unfinished = type == "unfinished" || type == "vanished" || type == "obsolete";
            if (e.numerus)
                for (QDomElement n = t.firstChildElement("numerusform"); !n.isNull();
                     n = n.nextSiblingElement("numerusform"))
                    e.translations << n.text();
            else
                e.translations << t.text();
            out << e;
        }
    }
    return out;
}

QStringList placeholders(const QString& s) {
    QStringList out;
    static const QRegularExpression re("%(\\d|n)");
    for (auto it = re.globalMatch(s); it.hasNext();) out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

bool hasAccelerator(const QString& s) {
    static const QRegularExpression re("&[^&\\s]");
    return re.match(QString(s).replace("&&", "")).hasMatch() && !s.contains("&lt;") &&
           !s.contains("&gt;");
}

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyEntryIsFinishedAndConsistent_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("German") << kSource + "/translations/distilbench_de.ts";
        QTest::newRow("French") << kSource + "/translations/distilbench_fr.ts";
    }
    void everyEntryIsFinishedAndConsistent() {
        QFETCH(QString, file);
        const QList<Entry> entries = readTs(file);
        QVERIFY2(entries.size() > 500, qPrintable(QString::number(entries.size())));
        QStringList problems;
        for (const Entry& e : entries) {
            const QString where = e.context + ": \"" + e.source.left(60) + "\"";
            if (e.unfinished) problems << "unfinished " + where;
            if (e.numerus && e.translations.size() != 2) problems << "plural forms " + where;
            for (const QString& t : e.translations) {
                if (t.trimmed().isEmpty()) problems << "empty " + where;
                if (placeholders(t) != placeholders(e.source))
                    problems << "placeholders " + where + " -> " + t.left(60);
                if (hasAccelerator(e.source) != hasAccelerator(t))
                    problems << "accelerator " + where + " -> " + t.left(60);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    void everySourceStringIsTranslated_data() { everyEntryIsFinishedAndConsistent_data(); }
    void everySourceStringIsTranslated() {
        QFETCH(QString, file);
        // lupdate over today's code into a scratch file: anything it finds that the committed
        // file lacks is a string someone added without translating it.
        QTemporaryDir dir;
        const QString scratch = dir.filePath("scratch.ts");
        QProcess lupdate;
        lupdate.setWorkingDirectory(kSource);
        // The same sources as the update_translations target.
        QStringList arguments{"-silent", "-locations", "none", "-recursive"};
        arguments << QStringLiteral(DISTILBENCH_TRANSLATION_SOURCES).split('|');
        arguments << "-ts" << scratch;
        lupdate.start(QStringLiteral(DISTILBENCH_LUPDATE), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QSet<QString> committed;
        for (const Entry& e : readTs(file))
            if (!e.unfinished) committed.insert(e.context + '\x1f' + e.source);
        QStringList missing;
        for (const Entry& e : readTs(scratch))
            if (!committed.contains(e.context + '\x1f' + e.source))
                missing << e.context + ": \"" + e.source + "\"";
        QVERIFY2(readTs(scratch).size() > 500, "lupdate found no strings");
        QVERIFY2(missing.isEmpty(),
                 qPrintable("not translated (run the update_translations target and translate):\n" +
                            missing.join('\n')));
    }

    void embeddedTranslationsAreUsed() {
        const auto languages = Translations::available();
        QStringList codes;
        for (const auto& [code, name] : languages) codes << code;
        QVERIFY2(codes.contains("de") && codes.contains("fr"), qPrintable(codes.join(',')));
        Translations::install("de");
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QString("&Datei"));
        QCOMPARE(QCoreApplication::translate("DistillPage", "Teacher"), QString("Lehrer"));
        Translations::install("fr");
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QString("&Fichier"));
        QCOMPARE(QCoreApplication::translate(
                     "LayerMappingView", "The student (%n layer(s)) starts from its own weights.",
                     nullptr, 3),
                 QString("L'élève (3 couches) part de ses propres poids."));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "test_translations.moc"
