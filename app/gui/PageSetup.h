#pragma once

#include <QString>

class MainWindow;
class Workspace;
class StartPage;
class ModelsPage;
class TokenizerPage;
class PlaygroundPage;
class AttentionPage;
class TrainPage;
class EvaluatePage;
class DistillPage;
class AnalysePage;

// The pages of the application, created once and wired together.
struct Pages {
    Workspace* workspace = nullptr;
    StartPage* start = nullptr;
    ModelsPage* models = nullptr;
    TokenizerPage* tokenizer = nullptr;
    PlaygroundPage* playground = nullptr;
    AttentionPage* attention = nullptr;
    TrainPage* train = nullptr;
    EvaluatePage* evaluate = nullptr;
    DistillPage* distill = nullptr;
    AnalysePage* analyse = nullptr;
};

// Creates every page and wires them together; shared by main() and the GUI tests so that the
// tests look at the real application.
Pages setupPages(MainWindow& window);

// What a start without a path opens: the last model that opened (the first of Open Recent, when
// it still exists), or on the very first start the demo, in the Playground. Returns the path
// being opened ("demo" for the demo), or "" for nothing.
QString openAtStart(MainWindow& window, const Pages& pages, bool firstStart);
