#pragma once

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
};

// Creates every page and wires them together; shared by main() and the GUI tests so that the
// tests look at the real application.
Pages setupPages(MainWindow& window);
