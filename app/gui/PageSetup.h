#pragma once

class MainWindow;

// Creates every page and wires them together; shared by main() and the GUI tests so that the
// tests look at the real application.
void setupPages(MainWindow& window);
