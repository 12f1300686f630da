// How fast the projector's scatter plot redraws at 100k points (issue #19: pan/zoom at 30 fps or
// more). Offscreen raster, like a window without GPU compositing: each frame pans the view by 2%
// and replots; prints milliseconds per frame and frames per second, with the CPU it ran on.
#include <qcustomplot.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "widgets/ScatterPlot.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int points = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int frames = argc > 2 ? std::atoi(argv[2]) : 60;
    std::mt19937 rng(1);
    std::normal_distribution<double> n(0, 1);
    std::vector<ScatterGroup> groups;
    const QColor colours[] = {QColor("#1f77b4"), QColor("#ff7f0e"), QColor("#2ca02c")};
    for (int g = 0; g < 3; ++g)
        groups.push_back({QString("group %1").arg(g), colours[g], {}, {}, {}});
    for (int i = 0; i < points; ++i) {
        auto& g = groups[static_cast<std::size_t>(i % 3)];
        g.x.push_back(n(rng) + 3 * (i % 3));
        g.y.push_back(n(rng));
        g.ids.push_back(i);
    }
    ScatterPlot plot("bench");
    plot.resize(900, 700);
    plot.show();
    plot.setGroups(groups);
    QCustomPlot* p = plot.plot();
    p->replot();
    QElapsedTimer t;
    std::vector<double> ms;
    for (int f = 0; f < frames; ++f) {
        const double shift = p->xAxis->range().size() * 0.02 * (f % 20 < 10 ? 1 : -1);
        p->xAxis->moveRange(shift);
        t.start();
        p->replot(QCustomPlot::rpImmediateRefresh);
        app.processEvents();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms[ms.size() / 2];
    QString cpu;
    QFile info("/proc/cpuinfo");
    if (info.open(QIODevice::ReadOnly))
        for (const QByteArray& line : info.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 2));
                break;
            }
    QTextStream(stdout) << points << " points, " << frames << " frames: median "
                        << QString::number(median, 'f', 1) << " ms per frame ("
                        << QString::number(1000.0 / median, 'f', 0) << " fps), worst "
                        << QString::number(ms.back(), 'f', 1) << " ms; " << cpu << "\n";
    return 0;
}
