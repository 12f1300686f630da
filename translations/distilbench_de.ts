<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DistilBench</source>
        <translation>Über DistilBench</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DistilBench&lt;/h2&gt;&lt;p&gt;A native workbench for BERT-family encoders: inspect, test, fine-tune, distil and export DistilBERT and BERT models, offline.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DistilBench&lt;/h2&gt;&lt;p&gt;Eine native Werkbank für Encoder der BERT-Familie: DistilBERT- und BERT-Modelle untersuchen, testen, feinabstimmen, destillieren und exportieren, offline.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AnalysePage</name>
    <message>
        <source>Nothing to analyse yet</source>
        <translation>Noch nichts zu analysieren</translation>
    </message>
    <message>
        <source>Open a classification model with its tokenizer on the Models page (or use the demo): then test its behaviour with a suite and edit sentences to see what flips its prediction.</source>
        <translation>Öffnen Sie auf der Seite Modelle ein Klassifikationsmodell mit seinem Tokenizer (oder das Demo-Modell): Testen Sie dann sein Verhalten mit einer Testsammlung und bearbeiten Sie Sätze, um zu sehen, was seine Vorhersage kippt.</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>Behavioural tests: does the model handle negation, names, typos…?</source>
        <translation>Verhaltenstests: Kommt das Modell mit Verneinung, Namen, Tippfehlern … zurecht?</translation>
    </message>
    <message>
        <source>Counterfactuals</source>
        <translation>Kontrafaktische Varianten</translation>
    </message>
    <message>
        <source>Edit a sentence and see what flips the prediction</source>
        <translation>Einen Satz bearbeiten und sehen, was die Vorhersage kippt</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Slices</translation>
    </message>
    <message>
        <source>Accuracy on parts of the data: where is the model weaker?</source>
        <translation>Genauigkeit auf Teilen der Daten: Wo ist das Modell schwächer?</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Projektor</translation>
    </message>
    <message>
        <source>Every text as a point: clusters, outliers, where errors gather</source>
        <translation>Jeder Text als Punkt: Gruppen, Ausreißer, wo sich Fehler sammeln</translation>
    </message>
    <message>
        <source>Data Map</source>
        <translation>Datenkarte</translation>
    </message>
    <message>
        <source>Training dynamics of a run: which training examples are likely mislabelled?</source>
        <translation>Trainingsdynamik eines Laufs: Welche Trainingsbeispiele sind wahrscheinlich falsch gelabelt?</translation>
    </message>
    <message>
        <source>The open model has no tokenizer: the analyses read text. Open a model folder with its tokenizer files.</source>
        <translation>Das geöffnete Modell hat keinen Tokenizer: Die Analysen lesen Text. Öffnen Sie einen Modellordner mit seinen Tokenizer-Dateien.</translation>
    </message>
    <message>
        <source>Needs a text classification model</source>
        <translation>Braucht ein Textklassifikationsmodell</translation>
    </message>
    <message>
        <source>Needs a classification or token classification model</source>
        <translation>Braucht ein Klassifikations- oder Token-Klassifikationsmodell</translation>
    </message>
</context>
<context>
    <name>AttentionHeatmap</name>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>No model to look into</source>
        <translation>Kein Modell zum Untersuchen</translation>
    </message>
    <message>
        <source>Open a model on the Models page; then type a sentence here to see where each layer and head attends, and which tokens drive the prediction.</source>
        <translation>Öffnen Sie ein Modell auf der Seite Modelle; geben Sie dann hier einen Satz ein, um zu sehen, wohin jede Schicht und jeder Kopf schaut und welche Tokens die Vorhersage bestimmen.</translation>
    </message>
    <message>
        <source>Type a sentence to look inside the model</source>
        <translation>Geben Sie einen Satz ein, um in das Modell zu schauen</translation>
    </message>
    <message>
        <source>Pair (segment B)</source>
        <translation>Paar (Segment B)</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>Schicht </translation>
    </message>
    <message>
        <source>One head, or the mean of all heads of the layer</source>
        <translation>Ein Kopf oder der Mittelwert aller Köpfe der Schicht</translation>
    </message>
    <message>
        <source>Hide special tokens</source>
        <translation>Sondertokens ausblenden</translation>
    </message>
    <message>
        <source>[CLS] and [SEP] often soak up attention; hiding them shows the rest</source>
        <translation>[CLS] und [SEP] ziehen oft Aufmerksamkeit auf sich; ausgeblendet zeigt sich der Rest</translation>
    </message>
    <message>
        <source>Normalise rows</source>
        <translation>Zeilen normieren</translation>
    </message>
    <message>
        <source>Rescale each query row to sum to 1 after filtering</source>
        <translation>Jede Abfragezeile nach dem Filtern auf Summe 1 skalieren</translation>
    </message>
    <message>
        <source>Show only the largest attention weights that hold this share of each row&apos;s mass</source>
        <translation>Nur die größten Aufmerksamkeitsgewichte zeigen, die diesen Anteil der Zeilenmasse ausmachen</translation>
    </message>
    <message>
        <source>top 100% of mass</source>
        <translation>oberste 100 % der Masse</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>Alle Tokens</translation>
    </message>
    <message>
        <source>A → B</source>
        <translation>A → B</translation>
    </message>
    <message>
        <source>B → A</source>
        <translation>B → A</translation>
    </message>
    <message>
        <source>For pairs: queries of one segment attending to keys of the other</source>
        <translation>Bei Paaren: Abfragen eines Segments, die auf Schlüssel des anderen achten</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Open a second model (for example the student of a teacher) to see side by side</source>
        <translation>Ein zweites Modell öffnen (etwa den Schüler eines Lehrers), um beide nebeneinander zu sehen</translation>
    </message>
    <message>
        <source>Export View…</source>
        <translation>Ansicht exportieren…</translation>
    </message>
    <message>
        <source>Save the current view as PNG, SVG or PDF</source>
        <translation>Die aktuelle Ansicht als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Save the raw attention tensor [layer][head][query][key] with the tokens</source>
        <translation>Den rohen Aufmerksamkeitstensor [Schicht][Kopf][Abfrage][Schlüssel] mit den Tokens speichern</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Head view</source>
        <translation>Kopfansicht</translation>
    </message>
    <message>
        <source>Model view</source>
        <translation>Modellansicht</translation>
    </message>
    <message>
        <source>Attention rollout: attention multiplied through the layers (with the residual connection), an estimate of how much each token&apos;s final state draws on each input token</source>
        <translation>Attention Rollout: Aufmerksamkeit durch die Schichten multipliziert (mit der Restverbindung), eine Schätzung, wie stark der Endzustand jedes Tokens auf jedes Eingabetoken zurückgeht</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>On [CLS]</source>
        <translation>Auf [CLS]</translation>
    </message>
    <message>
        <source>On [SEP]</source>
        <translation>Auf [SEP]</translation>
    </message>
    <message>
        <source>On punctuation</source>
        <translation>Auf Satzzeichen</translation>
    </message>
    <message>
        <source>Mean distance</source>
        <translation>Mittlere Distanz</translation>
    </message>
    <message>
        <source>Low entropy: the head focuses on few tokens; high: it spreads out</source>
        <translation>Niedrige Entropie: Der Kopf konzentriert sich auf wenige Tokens; hohe: er verteilt sich</translation>
    </message>
    <message>
        <source>How far, in tokens, a head looks on average</source>
        <translation>Wie weit ein Kopf im Mittel schaut, in Tokens</translation>
    </message>
    <message>
        <source>Head statistics</source>
        <translation>Kopfstatistik</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Compute token attributions for the text above (Ctrl+E)</source>
        <translation>Token-Attributionen für den Text oben berechnen (Strg+E)</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>top %1% of mass</source>
        <translation>oberste %1 % der Masse</translation>
    </message>
    <message>
        <source>Model to compare</source>
        <translation>Vergleichsmodell</translation>
    </message>
    <message>
        <source>Loading %1 for comparison</source>
        <translation>%1 wird zum Vergleich geladen</translation>
    </message>
    <message>
        <source>Export attention</source>
        <translation>Aufmerksamkeit exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>all heads (mean)</source>
        <translation>alle Köpfe (Mittel)</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>Computing attention</source>
        <translation>Aufmerksamkeit wird berechnet</translation>
    </message>
    <message>
        <source>%1 tokens · %2 layers × %3 heads · %4</source>
        <translation>%1 Tokens · %2 Schichten × %3 Köpfe · %4</translation>
    </message>
    <message>
        <source>layer %1, mean of heads</source>
        <translation>Schicht %1, Mittel der Köpfe</translation>
    </message>
    <message>
        <source>layer %1, head %2</source>
        <translation>Schicht %1, Kopf %2</translation>
    </message>
    <message>
        <source>attention rollout</source>
        <translation>Attention Rollout</translation>
    </message>
    <message>
        <source> · &lt;b&gt;the input has %1 tokens; only the first %2 (the model&apos;s limit) are shown&lt;/b&gt;</source>
        <translation> · &lt;b&gt;die Eingabe hat %1 Tokens; nur die ersten %2 (die Grenze des Modells) werden gezeigt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ctrl + wheel zooms; long inputs scroll</source>
        <translation>Strg + Mausrad zoomt; lange Eingaben scrollen</translation>
    </message>
    <message>
        <source>Hide punctuation</source>
        <translation>Satzzeichen ausblenden</translation>
    </message>
    <message>
        <source>Punctuation often soaks up attention as well; hiding it shows the words</source>
        <translation>Auch Satzzeichen ziehen oft Aufmerksamkeit auf sich; ausgeblendet zeigen sich die Wörter</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>Köpfe:</translation>
    </message>
    <message>
        <source>Show or hide the lines of head %1</source>
        <translation>Die Linien von Kopf %1 zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Type a sentence above: its attention appears here as you type (heatmap, head lines, all layers, rollout and per-head statistics).</source>
        <translation>Geben Sie oben einen Satz ein: seine Attention erscheint hier beim Tippen (Heatmap, Kopflinien, alle Schichten, Rollout und Statistik je Kopf).</translation>
    </message>
</context>
<context>
    <name>BehaviourTab</name>
    <message>
        <source>Built-in: sentiment (16 tests)</source>
        <translation>Eingebaut: Stimmung (16 Tests)</translation>
    </message>
    <message>
        <source>A behavioural test suite: templates filled from word lists, checked as MFT (the expected label), INV (a change must not flip the prediction) or DIR (a change must move a label&apos;s probability one way), after CheckList (Ribeiro et al., 2020)</source>
        <translation>Eine Sammlung von Verhaltenstests: Vorlagen, aus Wortlisten gefüllt, geprüft als MFT (das erwartete Label), INV (eine Änderung darf die Vorhersage nicht kippen) oder DIR (eine Änderung muss die Wahrscheinlichkeit eines Labels in eine Richtung bewegen), nach CheckList (Ribeiro et al., 2020)</translation>
    </message>
    <message>
        <source>Open Suite…</source>
        <translation>Testsammlung öffnen…</translation>
    </message>
    <message>
        <source>A suite as JSON (see docs/BEHAVIOUR_SUITES.md)</source>
        <translation>Eine Testsammlung als JSON (siehe docs/BEHAVIOUR_SUITES.md)</translation>
    </message>
    <message>
        <source>Run Tests</source>
        <translation>Tests ausführen</translation>
    </message>
    <message>
        <source>Run every test of the suite on the open model (Ctrl+Return)</source>
        <translation>Jeden Test der Sammlung mit dem geöffneten Modell ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Failing examples as CSV, or the whole report as JSON</source>
        <translation>Fehlgeschlagene Beispiele als CSV oder den ganzen Bericht als JSON</translation>
    </message>
    <message>
        <source>Suite:</source>
        <translation>Sammlung:</translation>
    </message>
    <message>
        <source>Run a suite to see which behaviours the model has learnt.</source>
        <translation>Führen Sie eine Testsammlung aus, um zu sehen, welches Verhalten das Modell gelernt hat.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Nötig</translation>
    </message>
    <message>
        <source>MFT: expected label · INV: prediction must not change · DIR: probability must move one way</source>
        <translation>MFT: erwartetes Label · INV: Vorhersage darf sich nicht ändern · DIR: Wahrscheinlichkeit muss sich in eine Richtung bewegen</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Changed to</source>
        <translation>Geändert zu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>MFT: the expected label&apos;s probability · INV: the original prediction&apos;s probability · DIR: the direction label&apos;s probability</source>
        <translation>MFT: Wahrscheinlichkeit des erwarteten Labels · INV: Wahrscheinlichkeit der ursprünglichen Vorhersage · DIR: Wahrscheinlichkeit des Richtungslabels</translation>
    </message>
    <message>
        <source>Double-click an example to open it in the Playground</source>
        <translation>Doppelklick öffnet ein Beispiel im Spielplatz</translation>
    </message>
    <message>
        <source>Behavioural test suite</source>
        <translation>Sammlung von Verhaltenstests</translation>
    </message>
    <message>
        <source>Suites (*.json);;All files (*)</source>
        <translation>Testsammlungen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Failing examples (*.csv);;Report (*.json)</source>
        <translation>Fehlgeschlagene Beispiele (*.csv);;Bericht (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <source>Behavioural tests</source>
        <translation>Verhaltenstests</translation>
    </message>
    <message>
        <source>✓ pass</source>
        <translation>✓ bestanden</translation>
    </message>
    <message>
        <source>✗ fail</source>
        <translation>✗ nicht bestanden</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of %2 tests passed&lt;/b&gt; · %3</source>
        <translation>&lt;b&gt;%1 von %2 Tests bestanden&lt;/b&gt; · %3</translation>
    </message>
    <message>
        <source>labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>p(expected)</source>
        <translation>p(erwartet)</translation>
    </message>
    <message>
        <source>Built-in: named entities (10 tests)</source>
        <translation>Eingebaut: Eigennamen (10 Tests)</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
</context>
<context>
    <name>CounterfactualTab</name>
    <message>
        <source>Leave out each word (occlusion)</source>
        <translation>Jedes Wort einmal weglassen (Okklusion)</translation>
    </message>
    <message>
        <source>Negate (add or remove “not”)</source>
        <translation>Verneinen („not“ einfügen oder entfernen)</translation>
    </message>
    <message>
        <source>Swap intensifiers (very, slightly, …)</source>
        <translation>Verstärker tauschen (very, slightly, …)</translation>
    </message>
    <message>
        <source>Swap first names</source>
        <translation>Vornamen tauschen</translation>
    </message>
    <message>
        <source>Swap pronouns (he, she, they)</source>
        <translation>Pronomen tauschen (he, she, they)</translation>
    </message>
    <message>
        <source>Lower case</source>
        <translation>Kleinschreibung</translation>
    </message>
    <message>
        <source>Upper case</source>
        <translation>Großschreibung</translation>
    </message>
    <message>
        <source>Change the final punctuation</source>
        <translation>Satzzeichen am Ende ändern</translation>
    </message>
    <message>
        <source>Typos</source>
        <translation>Tippfehler</translation>
    </message>
    <message>
        <source>A sentence, e.g. The film is not good at all.</source>
        <translation>Ein Satz, z. B. The film is not good at all.</translation>
    </message>
    <message>
        <source>Your edit of it: change a word and watch the prediction</source>
        <translation>Ihre Bearbeitung: Ändern Sie ein Wort und beobachten Sie die Vorhersage</translation>
    </message>
    <message>
        <source>Copy Original to Edited</source>
        <translation>Original in Bearbeitung kopieren</translation>
    </message>
    <message>
        <source>Start the edit from the original sentence</source>
        <translation>Die Bearbeitung mit dem ursprünglichen Satz beginnen</translation>
    </message>
    <message>
        <source>Explain Both</source>
        <translation>Beide erklären</translation>
    </message>
    <message>
        <source>Token attributions of both sentences, to see which words the edit moved (Ctrl+E)</source>
        <translation>Token-Attributionen beider Sätze, um zu sehen, welche Wörter die Bearbeitung verschoben hat (Strg+E)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Original&lt;/b&gt;</source>
        <translation>&lt;b&gt;Original&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edited&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bearbeitet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Automatic perturbations of the original</source>
        <translation>Automatische Abwandlungen des Originals</translation>
    </message>
    <message>
        <source>Occlusion leaves out one word at a time: the words whose absence flips the prediction are the ones it rests on</source>
        <translation>Okklusion lässt jeweils ein Wort weg: Die Wörter, deren Fehlen die Vorhersage kippt, sind die, auf denen sie beruht</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The variants with their predictions as CSV</source>
        <translation>Die Varianten mit ihren Vorhersagen als CSV</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Kippt</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Δ probability</source>
        <translation>Δ Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>How the probability of the original&apos;s prediction moved, in percentage points</source>
        <translation>Wie sich die Wahrscheinlichkeit der ursprünglichen Vorhersage bewegt hat, in Prozentpunkten</translation>
    </message>
    <message>
        <source>Double-click a variant to edit it next to the original</source>
        <translation>Doppelklick bearbeitet eine Variante neben dem Original</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Both are &lt;b&gt;%1&lt;/b&gt;; the edit moves its probability by %2 points.</source>
        <translation>Beide sind &lt;b&gt;%1&lt;/b&gt;; die Bearbeitung verschiebt die Wahrscheinlichkeit um %2 Punkte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The edit flips the prediction&lt;/b&gt;: %1 → %2 (%3 points for %1).</source>
        <translation>&lt;b&gt;Die Bearbeitung kippt die Vorhersage&lt;/b&gt;: %1 → %2 (%3 Punkte für %1).</translation>
    </message>
    <message>
        <source>Type an edited sentence on the right to compare.</source>
        <translation>Geben Sie rechts einen bearbeiteten Satz zum Vergleich ein.</translation>
    </message>
    <message>
        <source>Counterfactuals</source>
        <translation>Kontrafaktische Varianten</translation>
    </message>
    <message>
        <source>✗ flips</source>
        <translation>✗ kippt</translation>
    </message>
    <message>
        <source>This perturbation does not change the sentence.</source>
        <translation>Diese Abwandlung ändert den Satz nicht.</translation>
    </message>
    <message>
        <source>%1 of %2 variants flip the prediction (%3).</source>
        <translation>%1 von %2 Varianten kippen die Vorhersage (%3).</translation>
    </message>
</context>
<context>
    <name>DataMapTab</name>
    <message>
        <source>correct ≤ 20%</source>
        <translation>richtig ≤ 20 %</translation>
    </message>
    <message>
        <source>≤ 40%</source>
        <translation>≤ 40 %</translation>
    </message>
    <message>
        <source>≤ 60%</source>
        <translation>≤ 60 %</translation>
    </message>
    <message>
        <source>≤ 80%</source>
        <translation>≤ 80 %</translation>
    </message>
    <message>
        <source>&gt; 80%</source>
        <translation>&gt; 80 %</translation>
    </message>
    <message>
        <source>A fine-tuning run folder (its training recorded a data map)</source>
        <translation>Ordner eines Feinabstimmungslaufs (sein Training hat eine Datenkarte aufgezeichnet)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Show Data Map</source>
        <translation>Datenkarte zeigen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The map as PNG, SVG or PDF, or every example&apos;s figures as CSV</source>
        <translation>Die Karte als PNG, SVG oder PDF oder die Werte jedes Beispiels als CSV</translation>
    </message>
    <message>
        <source>A data map places each training example by how confidently the model gave it its label during training (mean over epochs) and how much that varied: examples it never learns (low confidence, low variability) are often mislabelled.</source>
        <translation>Eine Datenkarte ordnet jedes Trainingsbeispiel danach ein, wie sicher das Modell ihm im Training sein Label gab (Mittel über die Epochen) und wie stark das schwankte: Beispiele, die es nie lernt (geringe Konfidenz, geringe Schwankung), sind oft falsch gelabelt.</translation>
    </message>
    <message>
        <source>Data map</source>
        <translation>Datenkarte</translation>
    </message>
    <message>
        <source>variability</source>
        <translation>Schwankung</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Likely label errors (hard to learn)</source>
        <translation>Wahrscheinliche Labelfehler (schwer zu lernen)</translation>
    </message>
    <message>
        <source>Ambiguous examples</source>
        <translation>Mehrdeutige Beispiele</translation>
    </message>
    <message>
        <source>Every example, highest loss first</source>
        <translation>Alle Beispiele, höchster Verlust zuerst</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Variability</source>
        <translation>Schwankung</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Checked examples are left out of the copy</source>
        <translation>Angehakte Beispiele fehlen in der Kopie</translation>
    </message>
    <message>
        <source>Save Training Data Without Checked…</source>
        <translation>Trainingsdaten ohne Angehakte speichern…</translation>
    </message>
    <message>
        <source>A copy of the run&apos;s training file without the checked examples, for the next run; the original file is not changed</source>
        <translation>Eine Kopie der Trainingsdatei des Laufs ohne die angehakten Beispiele, für den nächsten Lauf; die Originaldatei bleibt unverändert</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Training data without the checked examples</source>
        <translation>Trainingsdaten ohne die angehakten Beispiele</translation>
    </message>
    <message>
        <source>Data (*.%1)</source>
        <translation>Daten (*.%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Examples (*.csv);;</source>
        <translation>Beispiele (*.csv);;</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Data map of %1</source>
        <translation>Datenkarte von %1</translation>
    </message>
    <message>
        <source>ambiguous →</source>
        <translation>mehrdeutig →</translation>
    </message>
    <message>
        <source>hard to learn ↓</source>
        <translation>schwer zu lernen ↓</translation>
    </message>
    <message>
        <source>%1 training examples over %2 epochs: &lt;b&gt;%3 easy to learn&lt;/b&gt;, %4 ambiguous, &lt;b&gt;%5 hard to learn&lt;/b&gt; (likely label errors, listed on the right)</source>
        <translation>%1 Trainingsbeispiele über %2 Epochen: &lt;b&gt;%3 leicht zu lernen&lt;/b&gt;, %4 mehrdeutig, &lt;b&gt;%5 schwer zu lernen&lt;/b&gt; (wahrscheinliche Labelfehler, rechts aufgelistet)</translation>
    </message>
    <message>
        <source>one epoch: variability needs two or more</source>
        <translation>eine Epoche: Schwankung braucht zwei oder mehr</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>Wrote %1 without %2 rows; the original is unchanged.</source>
        <translation>%1 ohne %2 Zeilen geschrieben; das Original ist unverändert.</translation>
    </message>
</context>
<context>
    <name>DistillPage</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Teacher and student</source>
        <translation>Lehrer und Schüler</translation>
    </message>
    <message>
        <source>a fine-tuned classifier folder</source>
        <translation>ein Ordner mit einem feinabgestimmten Klassifikator</translation>
    </message>
    <message>
        <source>Use Open Model</source>
        <translation>Offenes Modell verwenden</translation>
    </message>
    <message>
        <source>The model open in the workspace becomes the teacher</source>
        <translation>Das im Arbeitsbereich geöffnete Modell wird zum Lehrer</translation>
    </message>
    <message>
        <source>Teacher:</source>
        <translation>Lehrer:</translation>
    </message>
    <message>
        <source>Initialise from the teacher&apos;s layers</source>
        <translation>Aus den Schichten des Lehrers initialisieren</translation>
    </message>
    <message>
        <source>New model from a preset</source>
        <translation>Neues Modell aus einer Vorlage</translation>
    </message>
    <message>
        <source>Existing model folder</source>
        <translation>Vorhandener Modellordner</translation>
    </message>
    <message>
        <source>DistilBERT&apos;s authors started the student from every other teacher layer: it learns much faster than from random weights</source>
        <translation>Die Autoren von DistilBERT starteten den Schüler mit jeder zweiten Lehrerschicht: Er lernt viel schneller als aus Zufallsgewichten</translation>
    </message>
    <message>
        <source>Student:</source>
        <translation>Schüler:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Student folder:</source>
        <translation>Schülerordner:</translation>
    </message>
    <message>
        <source>a model with the teacher&apos;s vocabulary</source>
        <translation>ein Modell mit dem Vokabular des Lehrers</translation>
    </message>
    <message>
        <source>evenly spread, e.g. 0,2,4,7,9,11</source>
        <translation>gleichmäßig verteilt, z. B. 0,2,4,7,9,11</translation>
    </message>
    <message>
        <source>Teacher layers copied into the student, one per student layer, bottom first</source>
        <translation>Lehrerschichten, die in den Schüler kopiert werden, eine je Schülerschicht, unterste zuerst</translation>
    </message>
    <message>
        <source>Student layers when no list is given: evenly spread over the teacher</source>
        <translation>Schülerschichten, wenn keine Liste angegeben ist: gleichmäßig über den Lehrer verteilt</translation>
    </message>
    <message>
        <source>or count</source>
        <translation>oder Anzahl</translation>
    </message>
    <message>
        <source>Teacher layers:</source>
        <translation>Lehrerschichten:</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Size (fp32)</source>
        <translation>Größe (fp32)</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>Speed-up is estimated from the layer count and widths; the report measures it</source>
        <translation>Die Beschleunigung ist aus Schichtzahl und Breiten geschätzt; der Bericht misst sie</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Token classification (NER)</source>
        <translation>Token-Klassifikation (NER)</translation>
    </message>
    <message>
        <source>Pre-training (masked LM on raw text)</source>
        <translation>Vortraining (maskiertes LM auf Rohtext)</translation>
    </message>
    <message>
        <source>Task-specific distillation copies a fine-tuned teacher; pre-training distillation is DistilBERT&apos;s recipe on a raw corpus (one document per line)</source>
        <translation>Aufgabenspezifische Destillation kopiert einen feinabgestimmten Lehrer; Vortrainings-Destillation ist das Rezept von DistilBERT auf einem Rohkorpus (ein Dokument pro Zeile)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Training data:</source>
        <translation>Trainingsdaten:</translation>
    </message>
    <message>
        <source>CSV, TSV, JSONL, CoNLL, or a text corpus</source>
        <translation>CSV, TSV, JSONL, CoNLL oder ein Textkorpus</translation>
    </message>
    <message>
        <source>Validation data:</source>
        <translation>Validierungsdaten:</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Start Distillation</source>
        <translation>Destillation starten</translation>
    </message>
    <message>
        <source>Start (Ctrl+Enter)</source>
        <translation>Starten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation>Lauf fortsetzen…</translation>
    </message>
    <message>
        <source>Distil a teacher into a smaller student</source>
        <translation>Einen Lehrer in einen kleineren Schüler destillieren</translation>
    </message>
    <message>
        <source>Choose a teacher (a fine-tuned classifier, or the open model), the training data and how the student starts, then press Start. The loss of every component and the student&apos;s validation score against the teacher&apos;s appear here live.</source>
        <translation>Wählen Sie einen Lehrer (einen feinabgestimmten Klassifikator oder das geöffnete Modell), die Trainingsdaten und den Start des Schülers, dann drücken Sie Starten. Der Verlust jeder Komponente und die Validierungsleistung des Schülers im Vergleich zum Lehrer erscheinen hier live.</translation>
    </message>
    <message>
        <source>Use the Open Model as Teacher</source>
        <translation>Offenes Modell als Lehrer verwenden</translation>
    </message>
    <message>
        <source>The report (teacher vs student: quality, size, measured speed) appears when the run ends.</source>
        <translation>Der Bericht (Lehrer gegen Schüler: Qualität, Größe, gemessene Geschwindigkeit) erscheint am Ende des Laufs.</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>Distill</source>
        <translation>Destillieren</translation>
    </message>
    <message>
        <source>Open a model first (File &gt; Open Model).</source>
        <translation>Öffnen Sie zuerst ein Modell (Datei &gt; Modell öffnen).</translation>
    </message>
    <message>
        <source>Distillation run to resume</source>
        <translation>Fortzusetzender Destillationslauf</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>≈ %1×</source>
        <translation>≈ %1×</translation>
    </message>
    <message>
        <source>Choose a teacher and the training data first.</source>
        <translation>Wählen Sie zuerst einen Lehrer und die Trainingsdaten.</translation>
    </message>
    <message>
        <source>choose the teacher layers for the student</source>
        <translation>Wählen Sie die Lehrerschichten für den Schüler</translation>
    </message>
    <message>
        <source>Resuming distillation</source>
        <translation>Destillation wird fortgesetzt</translation>
    </message>
    <message>
        <source>Distilling</source>
        <translation>Destillieren</translation>
    </message>
    <message>
        <source>Loading the teacher, reading data and scoring the teacher…</source>
        <translation>Lehrer wird geladen, Daten gelesen und der Lehrer bewertet…</translation>
    </message>
    <message>
        <source>Finished. The student is in %1/best.</source>
        <translation>Fertig. Der Schüler liegt in %1/best.</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Compare on the Evaluate Page</source>
        <translation>Auf der Seite Bewerten vergleichen</translation>
    </message>
    <message>
        <source>Teacher and student side by side on the run&apos;s validation data: every metric and both confusion matrices</source>
        <translation>Lehrer und Schüler nebeneinander auf den Validierungsdaten des Laufs: jede Metrik und beide Konfusionsmatrizen</translation>
    </message>
    <message>
        <source>optional: a share of the training data otherwise</source>
        <translation>optional: sonst ein Anteil der Trainingsdaten</translation>
    </message>
</context>
<context>
    <name>EvaluatePage</name>
    <message>
        <source>Nothing to evaluate yet</source>
        <translation>Noch nichts zu bewerten</translation>
    </message>
    <message>
        <source>Open a classification model on the Models page (or use the demo), then pick a labelled dataset here to see its metrics and confusion matrix.</source>
        <translation>Öffnen Sie ein Klassifikationsmodell auf der Seite Modelle (oder nutzen Sie die Demo) und wählen Sie hier einen gelabelten Datensatz, um Metriken und Konfusionsmatrix zu sehen.</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Evaluate a Training Run…</source>
        <translation>Einen Trainingslauf bewerten…</translation>
    </message>
    <message>
        <source>The run&apos;s best model on the validation data it held out</source>
        <translation>Das beste Modell des Laufs auf den zurückgehaltenen Validierungsdaten</translation>
    </message>
    <message>
        <source>Labelled data: CSV, TSV, JSON Lines or JSON with text and label columns</source>
        <translation>Gelabelte Daten: CSV, TSV, JSON Lines oder JSON mit Text- und Labelspalten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Predictions as CSV, or the confusion matrix as PNG/SVG/PDF</source>
        <translation>Vorhersagen als CSV oder die Konfusionsmatrix als PNG/SVG/PDF</translation>
    </message>
    <message>
        <source>Evaluate a Run…</source>
        <translation>Einen Lauf bewerten…</translation>
    </message>
    <message>
        <source>One click: a training run&apos;s best model on the validation set the run held out</source>
        <translation>Ein Klick: das beste Modell eines Trainingslaufs auf dessen zurückgehaltener Validierungsmenge</translation>
    </message>
    <message>
        <source>the open model</source>
        <translation>das geöffnete Modell</translation>
    </message>
    <message>
        <source>Model to evaluate: empty for the model open in the workspace, or a model folder</source>
        <translation>Zu bewertendes Modell: leer für das im Arbeitsbereich geöffnete Modell, oder ein Modellordner</translation>
    </message>
    <message>
        <source>optional: a second model (e.g. the student of a teacher)</source>
        <translation>optional: ein zweites Modell (z. B. der Schüler eines Lehrers)</translation>
    </message>
    <message>
        <source>Evaluated on the same data and shown side by side on the Comparison tab</source>
        <translation>Auf denselben Daten bewertet und im Reiter Vergleich nebeneinander gezeigt</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <source>Binary tasks: the probability of the second label from which it is predicted; multi-label tasks: the probability from which each label is predicted. Moving it trades precision against recall.</source>
        <translation>Binäre Aufgaben: die Wahrscheinlichkeit des zweiten Labels, ab der es vorhergesagt wird; Multi-Label-Aufgaben: die Wahrscheinlichkeit, ab der jedes Label vorhergesagt wird. Verschieben tauscht Präzision gegen Trefferquote.</translation>
    </message>
    <message>
        <source>threshold 0.50</source>
        <translation>Schwelle 0,50</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Anzahlen</translation>
    </message>
    <message>
        <source>Normalised by true label (recall)</source>
        <translation>Normiert nach wahrem Label (Trefferquote)</translation>
    </message>
    <message>
        <source>Normalised by prediction (precision)</source>
        <translation>Normiert nach Vorhersage (Präzision)</translation>
    </message>
    <message>
        <source>Click a cell to list its examples</source>
        <translation>Klicken Sie auf eine Zelle, um ihre Beispiele aufzulisten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC-Kurve</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <source>Precision-recall curve</source>
        <translation>Präzision-Trefferquote-Kurve</translation>
    </message>
    <message>
        <source>precision-recall</source>
        <translation>Präzision-Trefferquote</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Precision-recall</source>
        <translation>Präzision-Trefferquote</translation>
    </message>
    <message>
        <source>Set a second model under “Compare with” and evaluate: both are scored on the same data.</source>
        <translation>Tragen Sie unter „Vergleichen mit“ ein zweites Modell ein und bewerten Sie: Beide werden auf denselben Daten bewertet.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Labelled data</source>
        <translation>Gelabelte Daten</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation>Daten (*.csv *.tsv *.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Predictions (*.csv);;</source>
        <translation>Vorhersagen (*.csv);;</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Evaluating run %1</source>
        <translation>Lauf %1 wird bewertet</translation>
    </message>
    <message>
        <source>Evaluating on %1</source>
        <translation>Bewertung auf %1</translation>
    </message>
    <message>
        <source>open model</source>
        <translation>offenes Modell</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>Schwelle %1</translation>
    </message>
    <message>
        <source>%1 and %2 on the same %3 examples</source>
        <translation>%1 und %2 auf denselben %3 Beispielen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Entitätstyp</translation>
    </message>
    <message>
        <source>%1 sentences · entity precision %2 · recall %3 · F1 %4</source>
        <translation>%1 Sätze · Entitäts-Präzision %2 · Trefferquote %3 · F1 %4</translation>
    </message>
    <message>
        <source>all entities (micro)</source>
        <translation>alle Entitäten (mikro)</translation>
    </message>
    <message>
        <source>%1 examples · subset accuracy %2 · micro F1 %3 · macro F1 %4 · Hamming loss %5</source>
        <translation>%1 Beispiele · Teilmengen-Genauigkeit %2 · Mikro-F1 %3 · Makro-F1 %4 · Hamming-Verlust %5</translation>
    </message>
    <message>
        <source>%1 examples · %2</source>
        <translation>%1 Beispiele · %2</translation>
    </message>
    <message>
        <source>%1 examples · accuracy %2 · macro F1 %3 · MCC %4%5</source>
        <translation>%1 Beispiele · Genauigkeit %2 · Makro-F1 %3 · MCC %4%5</translation>
    </message>
    <message>
        <source> · ROC-AUC %1</source>
        <translation> · ROC-AUC %1</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation>gewichtetes Mittel</translation>
    </message>
    <message>
        <source>micro average</source>
        <translation>Mikro-Mittel</translation>
    </message>
    <message>
        <source>Comparing with run %1</source>
        <translation>Vergleich mit Lauf %1</translation>
    </message>
    <message>
        <source>The data&apos;s labels are not the model&apos;s. Choose the model label each one means, then press Evaluate again.</source>
        <translation>Die Labels der Daten sind nicht die des Modells. Wählen Sie für jedes das Modell-Label, das es bedeutet, und drücken Sie erneut „Bewerten“.</translation>
    </message>
    <message>
        <source>Label in the data</source>
        <translation>Label in den Daten</translation>
    </message>
    <message>
        <source>Model label</source>
        <translation>Modell-Label</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— wählen —</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Double-click an example to try it in the Playground; click a column to sort (the most confident errors come first)</source>
        <translation>Doppelklick auf ein Beispiel öffnet es im Playground; ein Klick auf eine Spalte sortiert (die sichersten Fehler zuerst)</translation>
    </message>
    <message>
        <source>Filter the examples by text</source>
        <translation>Beispiele nach Text filtern</translation>
    </message>
    <message>
        <source>Evaluate a classifier to see how well its confidence matches its accuracy.</source>
        <translation>Bewerten Sie einen Klassifikator, um zu sehen, wie gut seine Konfidenz zu seiner Genauigkeit passt.</translation>
    </message>
    <message>
        <source>Expected calibration error: the gap between confidence and accuracy, averaged over confidence bins. Temperature scaling divides the logits by T (fitted on this data).</source>
        <translation>Erwarteter Kalibrierungsfehler: die Lücke zwischen Konfidenz und Genauigkeit, gemittelt über Konfidenzbereiche. Temperature Scaling teilt die Logits durch T (auf diesen Daten angepasst).</translation>
    </message>
    <message>
        <source>Reliability diagram</source>
        <translation>Zuverlässigkeitsdiagramm</translation>
    </message>
    <message>
        <source>perfect calibration</source>
        <translation>perfekte Kalibrierung</translation>
    </message>
    <message>
        <source>accuracy per confidence bin</source>
        <translation>Genauigkeit je Konfidenzbereich</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Expected calibration error %1 (worst bin %2) · Brier score %3 · temperature scaling with T = %4 would bring the error to %5.</source>
        <translation>Erwarteter Kalibrierungsfehler %1 (schlechtester Bereich %2) · Brier-Score %3 · Temperature Scaling mit T = %4 brächte den Fehler auf %5.</translation>
    </message>
    <message>
        <source>Save Temperature…</source>
        <translation>Temperatur speichern…</translation>
    </message>
    <message>
        <source>Store the fitted temperature in the model&apos;s config.json: DistilBench then divides the logits by it before the softmax, so its confidences match its accuracy (transformers ignores the key)</source>
        <translation>Die angepasste Temperatur in der config.json des Modells speichern: DistilBench teilt die Logits vor dem Softmax durch sie, damit die Konfidenzen zur Genauigkeit passen (transformers ignoriert den Schlüssel)</translation>
    </message>
    <message>
        <source>The model already applies T = %1 (saved in its config).</source>
        <translation>Das Modell wendet bereits T = %1 an (in seiner Konfiguration gespeichert).</translation>
    </message>
    <message>
        <source>Save Temperature</source>
        <translation>Temperatur speichern</translation>
    </message>
    <message>
        <source>Write temperature %1 into %2? DistilBench will divide this model&apos;s logits by it before the softmax; transformers ignores the key.</source>
        <translation>Temperatur %1 in %2 schreiben? DistilBench teilt die Logits dieses Modells vor dem Softmax durch sie; transformers ignoriert den Schlüssel.</translation>
    </message>
    <message>
        <source>after temperature scaling</source>
        <translation>nach Temperaturskalierung</translation>
    </message>
    <message>
        <source>share of examples per bin</source>
        <translation>Anteil der Beispiele je Intervall</translation>
    </message>
    <message>
        <source>Read in chunks</source>
        <translation>In Blöcken lesen</translation>
    </message>
    <message>
        <source>For files too large to hold: the data is read a few thousand rows at a time and memory stays the same for any length. The metrics and the confusion matrix are exact; ROC-AUC is binned (with its error bound), and the example lists, curves, threshold slider and temperature fit are left out (distilbench-cli evaluate --stream --predictions writes each example&apos;s prediction as it reads).</source>
        <translation>Für Dateien, die zu groß für den Speicher sind: Die Daten werden einige tausend Zeilen auf einmal gelesen, und der Speicherbedarf bleibt bei jeder Länge gleich. Die Metriken und die Konfusionsmatrix sind exakt; ROC-AUC wird in Klassen gezählt (mit Fehlerschranke), und die Beispiellisten, Kurven, der Schwellenwert-Regler und die Temperaturanpassung entfallen (distilbench-cli evaluate --stream --predictions schreibt die Vorhersage jedes Beispiels beim Lesen).</translation>
    </message>
    <message>
        <source>Read in chunks: the examples, curves and threshold need the data in memory (untick “Read in chunks”).</source>
        <translation>In Blöcken gelesen: Die Beispiele, Kurven und der Schwellenwert brauchen die Daten im Speicher („In Blöcken lesen“ abwählen).</translation>
    </message>
    <message>
        <source>Expected calibration error %1 (worst bin %2) · Brier score %3. Read in chunks: fitting a temperature needs the data in memory.</source>
        <translation>Erwarteter Kalibrierungsfehler %1 (schlechteste Klasse %2) · Brier-Score %3. In Blöcken gelesen: Eine Temperatur anzupassen braucht die Daten im Speicher.</translation>
    </message>
    <message>
        <source>optional: a new CSV file for every prediction</source>
        <translation>optional: eine neue CSV-Datei für jede Vorhersage</translation>
    </message>
    <message>
        <source>Each example&apos;s prediction and probabilities, in file order, written while the data is read; an existing file is not replaced</source>
        <translation>Vorhersage und Wahrscheinlichkeiten jedes Beispiels in Dateireihenfolge, geschrieben während die Daten gelesen werden; eine vorhandene Datei wird nicht ersetzt</translation>
    </message>
    <message>
        <source>Predictions to:</source>
        <translation>Vorhersagen nach:</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>ROC-AUC from binned scores, exact here (no positive and negative example share a bin).</source>
        <translation>ROC-AUC aus klassierten Werten, hier exakt (kein positives und negatives Beispiel teilen eine Klasse).</translation>
    </message>
    <message>
        <source>ROC-AUC from binned scores, within %1 of the exact value.</source>
        <translation>ROC-AUC aus klassierten Werten, höchstens %1 vom exakten Wert entfernt.</translation>
    </message>
    <message>
        <source>Spearman&apos;s correlation needs every prediction at once.</source>
        <translation>Die Spearman-Korrelation braucht alle Vorhersagen auf einmal.</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>Integrated gradients</source>
        <translation>Integrierte Gradienten</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>Gradient × Eingabe</translation>
    </message>
    <message>
        <source>Integrated gradients averages gradients along a path from a [PAD] baseline to the input; its attributions add up to the change in the label&apos;s score. Gradient × input is one backward pass: fast but rougher.</source>
        <translation>Integrierte Gradienten mitteln die Gradienten entlang eines Pfads von einer [PAD]-Basislinie zur Eingabe; ihre Attributionen summieren sich zur Änderung der Bewertung des Labels. Gradient × Eingabe ist ein einziger Rückwärtsdurchlauf: schnell, aber gröber.</translation>
    </message>
    <message>
        <source>steps </source>
        <translation>Schritte </translation>
    </message>
    <message>
        <source>Points on the integration path: more is more accurate and slower</source>
        <translation>Punkte auf dem Integrationspfad: mehr ist genauer und langsamer</translation>
    </message>
    <message>
        <source>The label to explain; the predicted one by default</source>
        <translation>Das zu erklärende Label; standardmäßig das vorhergesagte</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>Erklären:</translation>
    </message>
    <message>
        <source>predicted label</source>
        <translation>vorhergesagtes Label</translation>
    </message>
    <message>
        <source>Attributions are available for sequence-classification models.</source>
        <translation>Attributionen gibt es für Sequenzklassifikationsmodelle.</translation>
    </message>
    <message>
        <source>Explaining the prediction</source>
        <translation>Die Vorhersage wird erklärt</translation>
    </message>
    <message>
        <source>attribution %1</source>
        <translation>Attribution %1</translation>
    </message>
    <message>
        <source>Explaining &lt;b&gt;%1&lt;/b&gt; (score %2). Green tokens push towards it, red ones away.</source>
        <translation>Erklärung von &lt;b&gt;%1&lt;/b&gt; (Bewertung %2). Grüne Tokens ziehen dorthin, rote davon weg.</translation>
    </message>
    <message>
        <source> Completeness: attributions sum to %1; f(x) − f(baseline) = %2 (gap %3).</source>
        <translation> Vollständigkeit: Die Attributionen summieren sich zu %1; f(x) − f(Basislinie) = %2 (Abstand %3).</translation>
    </message>
    <message>
        <source>The text changed: press Explain for its attributions.</source>
        <translation>Der Text hat sich geändert: „Erklären“ drücken, um seine Attributionen zu sehen.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Model</source>
        <translation>Modell exportieren</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>Kein Modell ist geöffnet.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Hugging Face folder (safetensors)</source>
        <translation>Hugging-Face-Ordner (safetensors)</translation>
    </message>
    <message>
        <source>Hugging Face folder (pytorch_model.bin)</source>
        <translation>Hugging-Face-Ordner (pytorch_model.bin)</translation>
    </message>
    <message>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <source>Hugging Face folders load unchanged with transformers&apos; from_pretrained; ONNX runs in ONNX Runtime</source>
        <translation>Hugging-Face-Ordner laden unverändert mit from_pretrained von transformers; ONNX läuft in ONNX Runtime</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>float32 (exact)</source>
        <translation>float32 (exakt)</translation>
    </message>
    <message>
        <source>float16 (half the size)</source>
        <translation>float16 (halbe Größe)</translation>
    </message>
    <message>
        <source>bfloat16 (half the size, float32&apos;s range)</source>
        <translation>bfloat16 (halbe Größe, Wertebereich von float32)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Gewichte:</translation>
    </message>
    <message>
        <source>Also output attention weights</source>
        <translation>Auch Aufmerksamkeitsgewichte ausgeben</translation>
    </message>
    <message>
        <source>ONNX operator set version; 14 runs on every ONNX Runtime since 1.10</source>
        <translation>ONNX-Operatorsatzversion; 14 läuft auf jeder ONNX Runtime seit 1.10</translation>
    </message>
    <message>
        <source>ONNX:</source>
        <translation>ONNX:</translation>
    </message>
    <message>
        <source>ONNX opset:</source>
        <translation>ONNX-Opset:</translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation>Quantisierung:</translation>
    </message>
    <message>
        <source>labelled data to measure the change in quality</source>
        <translation>gelabelte Daten, um die Qualitätsänderung zu messen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messen</translation>
    </message>
    <message>
        <source>Evaluation set:</source>
        <translation>Bewertungsmenge:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Evaluation data</source>
        <translation>Bewertungsdaten</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)</source>
        <translation>Daten (*.csv *.tsv *.jsonl *.json *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>ONNX file</source>
        <translation>ONNX-Datei</translation>
    </message>
    <message>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Folder to export into</source>
        <translation>Zielordner für den Export</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Choose labelled data to measure on.</source>
        <translation>Wählen Sie gelabelte Daten zum Messen.</translation>
    </message>
    <message>
        <source>Measuring int8 quality</source>
        <translation>int8-Qualität wird gemessen</translation>
    </message>
    <message>
        <source>fp32 → int8: %1</source>
        <translation>fp32 → int8: %1</translation>
    </message>
    <message>
        <source>Open a model and choose where to save it.</source>
        <translation>Öffnen Sie ein Modell und wählen Sie den Speicherort.</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>%1 wird exportiert</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Not exported: %1 %2</source>
        <translation>Nicht exportiert: %1 %2</translation>
    </message>
    <message>
        <source>Replace the previous export?</source>
        <translation>Den vorherigen Export ersetzen?</translation>
    </message>
    <message>
        <source>%1 already holds an export. Replace its files with this export?</source>
        <translation>%1 enthält bereits einen Export. Seine Dateien durch diesen Export ersetzen?</translation>
    </message>
    <message>
        <source>Not exported: %1 was left as it is.</source>
        <translation>Nicht exportiert: %1 blieb unverändert.</translation>
    </message>
    <message>
        <source>int8 inference of the Linear layers</source>
        <translation>int8-Inferenz der Linear-Schichten</translation>
    </message>
    <message>
        <source>Dynamic quantization: weights in int8 per output channel, activations quantized per batch; faster on CPUs, usually a small change in quality: measure it first. A folder is quantized when DistilBench loads it (transformers runs it in float32); an ONNX file holds the int8 weights and products itself, for ONNX Runtime.</source>
        <translation>Dynamische Quantisierung: Gewichte in int8 je Ausgabekanal, Aktivierungen je Batch quantisiert; schneller auf CPUs, meist eine kleine Änderung der Qualität: erst messen. Ein Ordner wird quantisiert, wenn DistilBench ihn lädt (transformers rechnet ihn in float32); eine ONNX-Datei enthält die int8-Gewichte und -Produkte selbst, für ONNX Runtime.</translation>
    </message>
    <message>
        <source>optional: data to calibrate static int8 on (empty: dynamic int8)</source>
        <translation>optional: Daten zum Kalibrieren von statischem int8 (leer: dynamisches int8)</translation>
    </message>
    <message>
        <source>Static int8: the activation ranges of every Linear layer are measured once on the first %1 texts of this file (labelled data or a .txt with one text per line) and fixed, instead of measured on every call. An ONNX export writes them as QuantizeLinear/DequantizeLinear pairs.</source>
        <translation>Statisches int8: Die Aktivierungsbereiche jeder Linear-Schicht werden einmal an den ersten %1 Texten dieser Datei gemessen (beschriftete Daten oder eine .txt mit einem Text pro Zeile) und festgelegt, statt bei jedem Aufruf gemessen. Ein ONNX-Export schreibt sie als QuantizeLinear/DequantizeLinear-Paare.</translation>
    </message>
    <message>
        <source>Calibration set:</source>
        <translation>Kalibrierungsdaten:</translation>
    </message>
    <message>
        <source>Calibration data</source>
        <translation>Kalibrierungsdaten</translation>
    </message>
    <message>
        <source>fp32 → static int8: %1</source>
        <translation>fp32 → statisches int8: %1</translation>
    </message>
    <message>
        <source>7-bit weights, exact on CPUs without VNNI</source>
        <translation>7-Bit-Gewichte, exakt auf CPUs ohne VNNI</translation>
    </message>
    <message>
        <source>CPUs without VNNI (AVX2 only, such as Zen 3 or Intel before Ice Lake) add pairs of int8 products in 16 bits, which 8-bit weights can overflow, in ONNX Runtime as in DistilBench. 7-bit weights cannot; they cost a little precision. Tick it for an ONNX file or folder meant for such CPUs.</source>
        <translation>CPUs ohne VNNI (nur AVX2, etwa Zen 3 oder Intel vor Ice Lake) addieren int8-Produkte paarweise in 16 Bit, was 8-Bit-Gewichte überlaufen lassen können, in ONNX Runtime wie in DistilBench. 7-Bit-Gewichte können das nicht; sie kosten etwas Genauigkeit. Für eine ONNX-Datei oder einen Ordner ankreuzen, die für solche CPUs bestimmt sind.</translation>
    </message>
    <message>
        <source>This CPU has no VNNI: its int8 products add pairs of products in 16 bits, which 8-bit weights could overflow, so its int8 weights always have 7 bits.</source>
        <translation>Diese CPU hat kein VNNI: Ihre int8-Produkte addieren Produktpaare in 16 Bit, die 8-Bit-Gewichte überlaufen lassen könnten, daher haben ihre int8-Gewichte immer 7 Bit.</translation>
    </message>
    <message>
        <source>Saved %1 in %2: %3</source>
        <translation>%1 gespeichert in %2: %3</translation>
    </message>
</context>
<context>
    <name>JobProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job; work already saved is kept</source>
        <translation>Diesen Auftrag anhalten; bereits Gespeichertes bleibt erhalten</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
</context>
<context>
    <name>LayerMappingView</name>
    <message numerus="yes">
        <source>The student (%n layer(s)) starts from its own weights.</source>
        <translation>
            <numerusform>Der Schüler (%n Schicht) startet mit eigenen Gewichten.</numerusform>
            <numerusform>Der Schüler (%n Schichten) startet mit eigenen Gewichten.</numerusform>
        </translation>
    </message>
    <message>
        <source>student %1 ← teacher %2</source>
        <translation>Schüler %1 ← Lehrer %2</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Lehrer</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Schüler</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>Einbettungen</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
</context>
<context>
    <name>LengthHistogram</name>
    <message>
        <source>tokens per example</source>
        <translation>Tokens pro Beispiel</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>Beispiele</translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source> (smoothed)</source>
        <translation> (geglättet)</translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Reset View</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>%1: x = %2, y = %3</source>
        <translation>%1: x = %2, y = %3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DistilBench</source>
        <translation>DistilBench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Model Folder…</source>
        <translation>Modell&amp;ordner öffnen…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Open a folder with config.json and model.safetensors or pytorch_model.bin</source>
        <translation>Einen Ordner mit config.json und model.safetensors oder pytorch_model.bin öffnen</translation>
    </message>
    <message>
        <source>Open &amp;File…</source>
        <translation>&amp;Datei öffnen…</translation>
    </message>
    <message>
        <source>Open a model or tokenizer file</source>
        <translation>Eine Modell- oder Tokenizer-Datei öffnen</translation>
    </message>
    <message>
        <source>Models and tokenizers (*.safetensors *.bin *.json *.txt *.model);;All files (*)</source>
        <translation>Modelle und Tokenizer (*.safetensors *.bin *.json *.txt *.model);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export Model…</source>
        <translation>Modell &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save the open model for transformers, ONNX Runtime or DistilBench (fp16, bf16, int8)</source>
        <translation>Das geöffnete Modell für transformers, ONNX Runtime oder DistilBench speichern (fp16, bf16, int8)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Next Page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Previous Page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About DistilBench</source>
        <translation>&amp;Über DistilBench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slow BLAS in use.&lt;/b&gt; LibTorch is running on the reference BLAS (%1), which is about 60× slower than OpenBLAS. Install &lt;code&gt;libopenblas0-openmp&lt;/code&gt; and select it with &lt;code&gt;update-alternatives --config libblas.so.3-x86_64-linux-gnu&lt;/code&gt;, or run &lt;code&gt;packaging/setup-deps.sh&lt;/code&gt;.</source>
        <translation>&lt;b&gt;Langsames BLAS in Verwendung.&lt;/b&gt; LibTorch läuft auf dem Referenz-BLAS (%1), etwa 60× langsamer als OpenBLAS. Installieren Sie &lt;code&gt;libopenblas0-openmp&lt;/code&gt; und wählen Sie es mit &lt;code&gt;update-alternatives --config libblas.so.3-x86_64-linux-gnu&lt;/code&gt;, oder führen Sie &lt;code&gt;packaging/setup-deps.sh&lt;/code&gt; aus.</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Threads: %1</source>
        <translation>Threads: %1</translation>
    </message>
    <message>
        <source>LibTorch intra-op threads (the machine has %1 cores)</source>
        <translation>LibTorch-Threads innerhalb von Operationen (die Maschine hat %1 Kerne)</translation>
    </message>
    <message>
        <source>BLAS: %1</source>
        <translation>BLAS: %1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Cancel them and quit?</source>
        <translation>
            <numerusform>%n Auftrag läuft noch. Abbrechen und beenden?</numerusform>
            <numerusform>%n Aufträge laufen noch. Abbrechen und beenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>The language changes the next time DistilBench starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von DistilBench.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (Ctrl+O)</source>
        <translation>Einen Hugging-Face-Modellordner öffnen (Strg+O)</translation>
    </message>
    <message>
        <source>New from Preset…</source>
        <translation>Neu aus Vorlage…</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>Kein Modell geöffnet</translation>
    </message>
    <message>
        <source>Open Model Folder…</source>
        <translation>Modellordner öffnen…</translation>
    </message>
    <message>
        <source>New Model from Preset…</source>
        <translation>Neues Modell aus Vorlage…</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hugging Face cache&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hugging-Face-Cache&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Models downloaded by transformers ($HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub). Double-click to open.</source>
        <translation>Von transformers heruntergeladene Modelle ($HF_HUB_CACHE, $HF_HOME/hub oder ~/.cache/huggingface/hub). Doppelklick öffnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Scanning the Hugging Face cache</source>
        <translation>Hugging-Face-Cache wird durchsucht</translation>
    </message>
    <message>
        <source>No cached models found</source>
        <translation>Keine Modelle im Cache gefunden</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Transformer blocks stacked on the embeddings</source>
        <translation>Transformer-Blöcke über den Einbettungen</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Aufmerksamkeitsköpfe</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Verborgene Größe</translation>
    </message>
    <message>
        <source>Feed-forward size</source>
        <translation>Feed-Forward-Größe</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>Max positions</source>
        <translation>Maximale Positionen</translation>
    </message>
    <message>
        <source>Longest input in tokens</source>
        <translation>Längste Eingabe in Tokens</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Größe auf der Festplatte</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Size in memory</source>
        <translation>Größe im Speicher</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Loaded in</source>
        <translation>Geladen in</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>%1, %2 tokens</source>
        <translation>%1, %2 Tokens</translation>
    </message>
    <message>
        <source>none found in the folder</source>
        <translation>keiner im Ordner gefunden</translation>
    </message>
    <message>
        <source>Missing weights</source>
        <translation>Fehlende Gewichte</translation>
    </message>
    <message>
        <source>Not in the file: freshly initialised (train before use)</source>
        <translation>Nicht in der Datei: frisch initialisiert (vor Gebrauch trainieren)</translation>
    </message>
    <message>
        <source>Unused weights</source>
        <translation>Unbenutzte Gewichte</translation>
    </message>
    <message>
        <source>In the file but not part of this architecture</source>
        <translation>In der Datei, aber nicht Teil dieser Architektur</translation>
    </message>
    <message>
        <source>Tied weights restored</source>
        <translation>Gekoppelte Gewichte wiederhergestellt</translation>
    </message>
    <message>
        <source>Shared with the word embeddings, as the model defines</source>
        <translation>Mit den Worteinbettungen geteilt, wie das Modell es festlegt</translation>
    </message>
    <message>
        <source>New model from preset</source>
        <translation>Neues Modell aus Vorlage</translation>
    </message>
    <message>
        <source>distilbert-small and -tiny train in minutes on a laptop CPU</source>
        <translation>distilbert-small und -tiny trainieren in Minuten auf einer Laptop-CPU</translation>
    </message>
    <message>
        <source>Sequence classification</source>
        <translation>Sequenzklassifikation</translation>
    </message>
    <message>
        <source>Token classification (NER)</source>
        <translation>Token-Klassifikation (NER)</translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation>Fragebeantwortung</translation>
    </message>
    <message>
        <source>Masked language model</source>
        <translation>Maskiertes Sprachmodell</translation>
    </message>
    <message>
        <source>Number of classes; 1 means regression</source>
        <translation>Anzahl der Klassen; 1 bedeutet Regression</translation>
    </message>
    <message>
        <source>vocab.txt, tokenizer.json or a folder; the bundled bert-base-uncased vocabulary by default</source>
        <translation>vocab.txt, tokenizer.json oder ein Ordner; standardmäßig das mitgelieferte Vokabular von bert-base-uncased</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Tokenizers (*.txt *.json *.model)</source>
        <translation>Tokenizer (*.txt *.json *.model)</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>Task head:</source>
        <translation>Aufgabenkopf:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>Tokenizer:</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <source>int8 (Linear layers, dynamic quantization)</source>
        <translation>int8 (Linear-Schichten, dynamische Quantisierung)</translation>
    </message>
    <message>
        <source>Exported with int8 quantization: DistilBench runs the Linear layers in int8</source>
        <translation>Mit int8-Quantisierung exportiert: DistilBench rechnet die Linear-Schichten in int8</translation>
    </message>
    <message>
        <source>A new, randomly initialised model of a standard shape (any family), to train from scratch</source>
        <translation>Ein neues, zufällig initialisiertes Modell einer Standardgröße (jeder Familie), um es von Grund auf zu trainieren</translation>
    </message>
    <message>
        <source>Open a model folder, search the Hugging Face Hub or pick one from your cache on the right, or create a new model from a preset.</source>
        <translation>Öffnen Sie einen Modellordner, durchsuchen Sie den Hugging Face Hub oder wählen Sie rechts eines aus Ihrem Cache, oder erstellen Sie ein neues Modell aus einer Vorlage.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hugging Face Hub&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hugging Face Hub&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Search the Hub, or type org/name</source>
        <translation>Im Hub suchen oder org/name eingeben</translation>
    </message>
    <message>
        <source>Any task</source>
        <translation>Jede Aufgabe</translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation>Textklassifikation</translation>
    </message>
    <message>
        <source>Token classification</source>
        <translation>Token-Klassifikation</translation>
    </message>
    <message>
        <source>Fill mask</source>
        <translation>Maske füllen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Greyed models are of a kind DistilBench does not compute (the reason is in their tooltip). Double-click to download and open.</source>
        <translation>Ausgegraute Modelle sind von einer Art, die DistilBench nicht berechnet (der Grund steht im Tooltip). Doppelklick lädt herunter und öffnet.</translation>
    </message>
    <message>
        <source>Download and Open</source>
        <translation>Herunterladen und öffnen</translation>
    </message>
    <message>
        <source>Download the model&apos;s files into the shared Hugging Face cache (resumable; Cancel in the jobs panel) and open it</source>
        <translation>Die Dateien des Modells in den gemeinsamen Hugging-Face-Cache laden (fortsetzbar; Abbrechen im Aufgabenbereich) und es öffnen</translation>
    </message>
    <message>
        <source>Searching the Hugging Face Hub</source>
        <translation>Der Hugging Face Hub wird durchsucht</translation>
    </message>
    <message>
        <source>licence %1</source>
        <translation>Lizenz %1</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Delete from Cache</source>
        <translation>Aus dem Cache löschen</translation>
    </message>
    <message>
        <source>Delete from Cache…</source>
        <translation>Aus dem Cache löschen…</translation>
    </message>
    <message>
        <source>Delete %1 and its files from the Hugging Face cache (%2)? Python&apos;s transformers would download it again.</source>
        <translation>%1 und seine Dateien aus dem Hugging-Face-Cache (%2) löschen? Pythons transformers würde es erneut herunterladen.</translation>
    </message>
    <message>
        <source>Select a model to read its card and file list.</source>
        <translation>Wählen Sie ein Modell, um seine Karte und Dateiliste zu lesen.</translation>
    </message>
    <message>
        <source>Reading %1 on the Hub</source>
        <translation>%1 wird im Hub gelesen</translation>
    </message>
    <message>
        <source>| File | Size | Downloaded |</source>
        <translation>| Datei | Größe | Heruntergeladen |</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Download and Open fetches %1.</source>
        <translation>Herunterladen und öffnen lädt %1.</translation>
    </message>
    <message>
        <source>*This model has no card.*</source>
        <translation>*Dieses Modell hat keine Karte.*</translation>
    </message>
    <message>
        <source>Any library</source>
        <translation>Jede Bibliothek</translation>
    </message>
    <message>
        <source>int8 (Linear layers, static quantization with calibrated ranges)</source>
        <translation>int8 (Linear-Schichten, statische Quantisierung mit kalibrierten Bereichen)</translation>
    </message>
    <message>
        <source>Exported with static int8: DistilBench runs the Linear layers in int8 with the activation ranges measured on calibration data</source>
        <translation>Mit statischem int8 exportiert: DistilBench rechnet die Linear-Schichten in int8 mit den an Kalibrierungsdaten gemessenen Aktivierungsbereichen</translation>
    </message>
    <message>
        <source>; 7-bit weights on this CPU</source>
        <translation>; 7-Bit-Gewichte auf dieser CPU</translation>
    </message>
    <message>
        <source>This CPU has no VNNI: its int8 products add pairs of products in 16 bits, which 8-bit weights could overflow, so the weights are quantized to 7 bits (as ONNX Runtime&apos;s reduce_range does). Accuracy can differ slightly from a CPU with VNNI.</source>
        <translation>Diese CPU hat kein VNNI: Ihre int8-Produkte addieren Produktpaare in 16 Bit, die 8-Bit-Gewichte überlaufen lassen könnten, daher werden die Gewichte auf 7 Bit quantisiert (wie es reduce_range von ONNX Runtime tut). Die Genauigkeit kann leicht von einer CPU mit VNNI abweichen.</translation>
    </message>
    <message>
        <source>; 7-bit weights, as exported</source>
        <translation>; 7-Bit-Gewichte, wie exportiert</translation>
    </message>
    <message>
        <source>Exported with 7-bit int8 weights, which CPUs without VNNI compute exactly (8-bit ones could overflow their int8 products).</source>
        <translation>Mit 7-Bit-int8-Gewichten exportiert, die CPUs ohne VNNI exakt rechnen (8-Bit-Gewichte könnten ihre int8-Produkte überlaufen lassen).</translation>
    </message>
</context>
<context>
    <name>OptionForm</name>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json *.txt *.conll);;All files (*)</source>
        <translation>Daten (*.csv *.tsv *.jsonl *.json *.txt *.conll);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Unavailable: this CPU has no native bf16 (AVX512-BF16 or AMX); emulated bf16 would take minutes per step.</source>
        <translation>Nicht verfügbar: Diese CPU hat kein natives bf16 (AVX512-BF16 oder AMX); emuliertes bf16 bräuchte Minuten pro Schritt.</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <source>Nothing to test yet</source>
        <translation>Noch nichts zu testen</translation>
    </message>
    <message>
        <source>Open a model on the Models page (or drop a model folder here); then type and watch its predictions change as you write.</source>
        <translation>Öffnen Sie ein Modell auf der Seite Modelle (oder ziehen Sie einen Modellordner hierher); tippen Sie dann und sehen Sie, wie sich die Vorhersagen beim Schreiben ändern.</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>Type a sentence…</source>
        <translation>Einen Satz eingeben…</translation>
    </message>
    <message>
        <source>Second text (pair / question-answering context)</source>
        <translation>Zweiter Text (Paar / Kontext für Fragebeantwortung)</translation>
    </message>
    <message>
        <source>Second text: for question answering, the context that holds the answer</source>
        <translation>Zweiter Text: bei Fragebeantwortung der Kontext, der die Antwort enthält</translation>
    </message>
    <message>
        <source>Time for tokenization and the forward pass</source>
        <translation>Zeit für Tokenisierung und Vorwärtsdurchlauf</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>This is a base model without a task head: it computes hidden states only. Fine-tune it on the Train page to get predictions.</source>
        <translation>Dies ist ein Basismodell ohne Aufgabenkopf: Es berechnet nur verborgene Zustände. Stimmen Sie es auf der Seite Trainieren fein ab, um Vorhersagen zu erhalten.</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Which tokens drive this prediction? (Ctrl+E)</source>
        <translation>Welche Tokens bestimmen diese Vorhersage? (Strg+E)</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interaktiv</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>A text file with one input per line, or a CSV/TSV with a &apos;sentence&apos; or &apos;text&apos; column</source>
        <translation>Eine Textdatei mit einer Eingabe pro Zeile oder eine CSV/TSV mit einer Spalte &apos;sentence&apos; oder &apos;text&apos;</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Predict every line (Ctrl+Enter)</source>
        <translation>Jede Zeile vorhersagen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Paste one input per line</source>
        <translation>Eine Eingabe pro Zeile einfügen</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Text or tables (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>Text oder Tabellen (*.txt *.csv *.tsv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Vorhersagen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source> — &lt;i&gt;no tokenizer in the model folder: open one to type text&lt;/i&gt;</source>
        <translation> — &lt;i&gt;kein Tokenizer im Modellordner: Öffnen Sie einen, um Text einzugeben&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Question…</source>
        <translation>Frage…</translation>
    </message>
    <message>
        <source>Type a sentence with [MASK] in it…</source>
        <translation>Einen Satz mit [MASK] eingeben…</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b02a37&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b02a37&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 tokens · %2</source>
        <translation>%1 Tokens · %2</translation>
    </message>
    <message>
        <source>No answer found in the context.</source>
        <translation>Keine Antwort im Kontext gefunden.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;score %2 · characters %3–%4 of the context&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Bewertung %2 · Zeichen %3–%4 des Kontexts&lt;/p&gt;</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Type [MASK] where a word should be predicted</source>
        <translation>Schreiben Sie [MASK], wo ein Wort vorhergesagt werden soll</translation>
    </message>
    <message>
        <source>[MASK] at token %1</source>
        <translation>[MASK] bei Token %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch prediction (%n inputs)</source>
        <translation>
            <numerusform>Stapelvorhersage (%n Eingabe)</numerusform>
            <numerusform>Stapelvorhersage (%n Eingaben)</numerusform>
        </translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source> · &lt;b&gt;the input has %1 tokens; the model reads the first %2 (its limit)&lt;/b&gt;</source>
        <translation> · &lt;b&gt;die Eingabe hat %1 Tokens; das Modell liest die ersten %2 (seine Grenze)&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ProjectorTab</name>
    <message>
        <source>Texts: labelled data (CSV, TSV, JSONL) or a .txt file</source>
        <translation>Texte: gelabelte Daten (CSV, TSV, JSONL) oder eine .txt-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>optional: a second model beside it</source>
        <translation>optional: ein zweites Modell daneben</translation>
    </message>
    <message>
        <source>A second model (the student of a teacher) drawn beside the open one; a selection in either shows in both</source>
        <translation>Ein zweites Modell (der Schüler eines Lehrers) neben dem geöffneten; eine Auswahl in einem zeigt sich in beiden</translation>
    </message>
    <message>
        <source>last layer</source>
        <translation>letzte Schicht</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>Schicht </translation>
    </message>
    <message>
        <source>0 = the embeddings, 1… = a layer&apos;s output</source>
        <translation>0 = die Einbettungen, 1… = die Ausgabe einer Schicht</translation>
    </message>
    <message>
        <source>[CLS] vector</source>
        <translation>[CLS]-Vektor</translation>
    </message>
    <message>
        <source>Mean of tokens</source>
        <translation>Mittel der Tokens</translation>
    </message>
    <message>
        <source>What stands for a text: the first token&apos;s vector (what the classifier reads) or the mean over its tokens</source>
        <translation>Was für einen Text steht: der Vektor des ersten Tokens (was der Klassifikator liest) oder das Mittel über seine Tokens</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA: a linear view of every text, at once. t-SNE: neighbourhoods kept, distances between clusters not; a sample of up to 3000 texts</source>
        <translation>PCA: eine lineare Sicht auf alle Texte auf einmal. t-SNE: Nachbarschaften bleiben, Abstände zwischen Gruppen nicht; eine Stichprobe von bis zu 3000 Texten</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>Färben nach Label</translation>
    </message>
    <message>
        <source>Colour by prediction</source>
        <translation>Färben nach Vorhersage</translation>
    </message>
    <message>
        <source>Colour by correctness</source>
        <translation>Färben nach Richtigkeit</translation>
    </message>
    <message>
        <source>Colour by confidence</source>
        <translation>Färben nach Konfidenz</translation>
    </message>
    <message>
        <source>Colour by loss</source>
        <translation>Färben nach Verlust</translation>
    </message>
    <message>
        <source>Colour by length</source>
        <translation>Färben nach Länge</translation>
    </message>
    <message>
        <source>Colour by slice</source>
        <translation>Färben nach Slice</translation>
    </message>
    <message>
        <source>slice, e.g. keyword:not</source>
        <translation>Slice, z. B. keyword:not</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projizieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The plot as PNG, SVG or PDF, or the points as CSV</source>
        <translation>Die Grafik als PNG, SVG oder PDF oder die Punkte als CSV</translation>
    </message>
    <message>
        <source>Each text becomes a point: texts the model represents alike lie close together. Pick a file and press Project.</source>
        <translation>Jeder Text wird ein Punkt: Texte, die das Modell ähnlich darstellt, liegen nah beieinander. Wählen Sie eine Datei und drücken Sie Projizieren.</translation>
    </message>
    <message>
        <source>Make Slice from Selection</source>
        <translation>Slice aus Auswahl bilden</translation>
    </message>
    <message>
        <source>Shift+drag on the plot selects points; the selection becomes a slice on the Slices tab</source>
        <translation>Umschalt+Ziehen wählt Punkte aus; die Auswahl wird ein Slice auf dem Reiter Slices</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Geöffnetes Modell</translation>
    </message>
    <message>
        <source>Second model</source>
        <translation>Zweites Modell</translation>
    </message>
    <message>
        <source>label %1 · predicted %2 (%3%)</source>
        <translation>Label %1 · vorhergesagt %2 (%3 %)</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)</source>
        <translation>Daten (*.csv *.tsv *.jsonl *.json *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>projector selection (%1)</source>
        <translation>Projektor-Auswahl (%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Points (*.csv);;</source>
        <translation>Punkte (*.csv);;</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Computing embeddings of %1…</source>
        <translation>Einbettungen von %1 werden berechnet…</translation>
    </message>
    <message>
        <source>Projecting %1</source>
        <translation>%1 wird projiziert</translation>
    </message>
    <message>
        <source>%1 texts · layer %2 · %3-dimensional vectors</source>
        <translation>%1 Texte · Schicht %2 · %3-dimensionale Vektoren</translation>
    </message>
    <message>
        <source>PCA keeps %1% of the variance</source>
        <translation>PCA erhält %1 % der Varianz</translation>
    </message>
    <message>
        <source>t-SNE of a sample of %1</source>
        <translation>t-SNE einer Stichprobe von %1</translation>
    </message>
    <message>
        <source>no label</source>
        <translation>kein Label</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>right</source>
        <translation>richtig</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>in the slice</source>
        <translation>im Slice</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Rest</translation>
    </message>
    <message>
        <source>first principal component</source>
        <translation>erste Hauptkomponente</translation>
    </message>
    <message>
        <source>second principal component</source>
        <translation>zweite Hauptkomponente</translation>
    </message>
    <message>
        <source>%1 selected: %2 wrong (%3%)</source>
        <translation>%1 ausgewählt: %2 falsch (%3 %)</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 ausgewählt</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Spielplatz</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Distill</source>
        <translation>Destillieren</translation>
    </message>
    <message>
        <source>%1 characters · %2 words · %3 tokens (%4 with special tokens) · [UNK] %5% · %6 tokens per word</source>
        <translation>%1 Zeichen · %2 Wörter · %3 Tokens (%4 mit Sondertokens) · [UNK] %5 % · %6 Tokens pro Wort</translation>
    </message>
    <message>
        <source> · &lt;b&gt;max_length %1 cuts %2 tokens&lt;/b&gt; (struck through)</source>
        <translation> · &lt;b&gt;max_length %1 schneidet %2 Tokens ab&lt;/b&gt; (durchgestrichen)</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>Kopf %1</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;: use .png, .svg or .pdf</source>
        <translation>Unbekanntes Format &apos;%1&apos;: Verwenden Sie .png, .svg oder .pdf</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Vektorbild (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>piece %1</source>
        <translation>Stück %1</translation>
    </message>
    <message>
        <source>log probability %1</source>
        <translation>Log-Wahrscheinlichkeit %1</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analyse</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>%1 — %2 left</source>
        <translation>%1 — noch %2</translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation>Der Lauf wurde angehalten: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Paused: press Resume to continue</source>
        <translation>Pausiert: Fortsetzen drücken, um weiterzumachen</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Abbruch nach dem aktuellen Schritt…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>Smoothing of the loss curve (exponential moving average)</source>
        <translation>Glättung der Verlustkurve (exponentieller gleitender Mittelwert)</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>Export Plots…</source>
        <translation>Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Save the loss plot as PNG, SVG or PDF, with its data as CSV</source>
        <translation>Das Verlustdiagramm als PNG, SVG oder PDF speichern, die Daten als CSV</translation>
    </message>
    <message>
        <source>Loss components</source>
        <translation>Verlustkomponenten</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Validation: student vs teacher</source>
        <translation>Validierung: Schüler gegen Lehrer</translation>
    </message>
    <message>
        <source>Validation metrics</source>
        <translation>Validierungsmetriken</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>step %1 · epoch %2 · loss %3 · %4 examples/s</source>
        <translation>Schritt %1 · Epoche %2 · Verlust %3 · %4 Beispiele/s</translation>
    </message>
    <message>
        <source>teacher %1</source>
        <translation>Lehrer %1</translation>
    </message>
    <message>
        <source>student %1</source>
        <translation>Schüler %1</translation>
    </message>
    <message>
        <source>Stopped. The run can be resumed from %1.</source>
        <translation>Angehalten. Der Lauf kann aus %1 fortgesetzt werden.</translation>
    </message>
    <message>
        <source>The run cannot start:
%1</source>
        <translation>Der Lauf kann nicht starten:
%1</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>nach Schritt</translation>
    </message>
    <message>
        <source>by epoch</source>
        <translation>nach Epoche</translation>
    </message>
    <message>
        <source>by time</source>
        <translation>nach Zeit</translation>
    </message>
    <message>
        <source>What the x axis of the plots counts</source>
        <translation>Was die x-Achse der Diagramme zählt</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>ScatterPlot</name>
    <message>
        <source>Wheel zooms, drag pans, Shift+drag selects, double-click resets the view</source>
        <translation>Mausrad zoomt, Ziehen verschiebt, Umschalt+Ziehen wählt aus, Doppelklick setzt die Ansicht zurück</translation>
    </message>
    <message>
        <source>selected (%1)</source>
        <translation>ausgewählt (%1)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>Einer pro Kern (%1)</translation>
    </message>
    <message>
        <source>Threads LibTorch uses for matrix work. More threads speed up large batches; one per physical core is usually best.</source>
        <translation>Threads, die LibTorch für Matrixarbeit nutzt. Mehr Threads beschleunigen große Batches; einer pro physischem Kern ist meist am besten.</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU %1</source>
        <translation>CUDA-GPU %1</translation>
    </message>
    <message>
        <source>Where models run.</source>
        <translation>Wo Modelle laufen.</translation>
    </message>
    <message>
        <source>This LibTorch build has no CUDA support, so models run on the CPU.</source>
        <translation>Dieses LibTorch hat keine CUDA-Unterstützung, daher laufen Modelle auf der CPU.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect the next time DistilBench starts.</source>
        <translation>Wirkt beim nächsten Start von DistilBench.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>hf_… (for gated and private models)</source>
        <translation>hf_… (für geschützte und private Modelle)</translation>
    </message>
    <message>
        <source>Hugging Face &amp;token:</source>
        <translation>Hugging-Face-&amp;Token:</translation>
    </message>
    <message>
        <source>Remove the Hugging Face token file %1? Python&apos;s huggingface_hub uses it too.</source>
        <translation>Die Hugging-Face-Token-Datei %1 entfernen? Pythons huggingface_hub verwendet sie auch.</translation>
    </message>
    <message>
        <source>Replace the Hugging Face token in %1? Python&apos;s huggingface_hub uses it too.</source>
        <translation>Das Hugging-Face-Token in %1 ersetzen? Pythons huggingface_hub verwendet es auch.</translation>
    </message>
    <message>
        <source>Sent to the Hub for gated and private models; empty removes it.</source>
        <translation>Wird für geschützte und private Modelle an den Hub gesendet; leer entfernt ihn.</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>System keychain (none running)</source>
        <translation>Schlüsselbund des Systems (keiner aktiv)</translation>
    </message>
    <message>
        <source>Token file, shared with huggingface-cli</source>
        <translation>Token-Datei, gemeinsam mit huggingface-cli</translation>
    </message>
    <message>
        <source>The keychain keeps the token encrypted with your login; the file (%1) is readable only by you and is where Python&apos;s huggingface_hub looks.</source>
        <translation>Der Schlüsselbund verwahrt den Token mit Ihrer Anmeldung verschlüsselt; die Datei (%1) ist nur für Sie lesbar, und dort sucht Pythons huggingface_hub.</translation>
    </message>
    <message>
        <source>Store the token &amp;in:</source>
        <translation>Token speichern &amp;in:</translation>
    </message>
    <message>
        <source>HF_TOKEN is set in the environment and is used instead of anything stored here.</source>
        <translation>HF_TOKEN ist in der Umgebung gesetzt und wird statt allem hier Gespeicherten verwendet.</translation>
    </message>
    <message>
        <source>The token in use comes from the system keychain.</source>
        <translation>Der verwendete Token stammt aus dem Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>The token in use comes from %1.</source>
        <translation>Der verwendete Token stammt aus %1.</translation>
    </message>
    <message>
        <source>No token is stored.</source>
        <translation>Es ist kein Token gespeichert.</translation>
    </message>
    <message>
        <source>Keychain: %1.</source>
        <translation>Schlüsselbund: %1.</translation>
    </message>
</context>
<context>
    <name>SlicesTab</name>
    <message>
        <source>Labelled data: CSV, TSV, JSON Lines or JSON</source>
        <translation>Gelabelte Daten: CSV, TSV, JSON Lines oder JSON</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Compute Slices</source>
        <translation>Slices berechnen</translation>
    </message>
    <message>
        <source>Evaluate the open model on the data and score every slice</source>
        <translation>Das geöffnete Modell auf den Daten bewerten und jeden Slice auswerten</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>The slice table as CSV</source>
        <translation>Die Slice-Tabelle als CSV</translation>
    </message>
    <message>
        <source>One slice per line: keyword:not · regex:\bbut\b · length:0-10 · label:positive · predicted:negative · column:source=web</source>
        <translation>Ein Slice pro Zeile: keyword:not · regex:\bbut\b · length:0-10 · label:positive · predicted:negative · column:source=web</translation>
    </message>
    <message>
        <source>Automatic slices</source>
        <translation>Automatische Slices</translation>
    </message>
    <message>
        <source>Length quartiles, each label, and texts with negation, contrast, questions, exclamations or numbers</source>
        <translation>Längenquartile, jedes Label und Texte mit Verneinung, Gegensatz, Fragen, Ausrufen oder Zahlen</translation>
    </message>
    <message>
        <source>Slices show where the model is weaker than on the whole set: pick labelled data and press Compute Slices.</source>
        <translation>Slices zeigen, wo das Modell schwächer ist als auf der ganzen Menge: Wählen Sie gelabelte Daten und drücken Sie Slices berechnen.</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Slice</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>vs all</source>
        <translation>ggü. allen</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Wilson score interval: where the slice&apos;s true accuracy lies with 95% confidence; small slices have wide intervals</source>
        <translation>Wilson-Intervall: wo die wahre Genauigkeit des Slices mit 95 % Konfidenz liegt; kleine Slices haben breite Intervalle</translation>
    </message>
    <message>
        <source>The slice&apos;s accuracy minus the whole set&apos;s, in points</source>
        <translation>Die Genauigkeit des Slices minus die der ganzen Menge, in Punkten</translation>
    </message>
    <message>
        <source>Mean probability of the predicted label</source>
        <translation>Mittlere Wahrscheinlichkeit des vorhergesagten Labels</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>Errors first; double-click an example to open it in the Playground</source>
        <translation>Fehler zuerst; Doppelklick öffnet ein Beispiel im Spielplatz</translation>
    </message>
    <message>
        <source>Labelled data</source>
        <translation>Gelabelte Daten</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation>Daten (*.csv *.tsv *.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Evaluating on %1…</source>
        <translation>Bewertung auf %1…</translation>
    </message>
    <message>
        <source>Slices of %1</source>
        <translation>Slices von %1</translation>
    </message>
    <message>
        <source>%1 examples, accuracy %2 · %3 of %4 slices are clearly worse (their whole interval lies under it)</source>
        <translation>%1 Beispiele, Genauigkeit %2 · %3 von %4 Slices sind deutlich schlechter (ihr ganzes Intervall liegt darunter)</translation>
    </message>
    <message>
        <source>Sentences right</source>
        <translation>Sätze richtig</translation>
    </message>
    <message>
        <source>Entity F1</source>
        <translation>Entitäten-F1</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to DistilBench</source>
        <translation>Willkommen bei DistilBench</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json with model.safetensors or pytorch_model.bin) to look inside it, test it, fine-tune or distil it. You can also drop a folder onto this window.</source>
        <translation>Öffnen Sie einen Hugging-Face-Modellordner (config.json mit model.safetensors oder pytorch_model.bin), um hineinzuschauen, ihn zu testen, feinabzustimmen oder zu destillieren. Sie können auch einen Ordner auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>Open Model Folder…</source>
        <translation>Modellordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Einen Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Demo-Modell verwenden</translation>
    </message>
    <message>
        <source>A small DistilBERT sentiment classifier trained on SST-2 by DistilBench</source>
        <translation>Ein kleiner DistilBERT-Stimmungsklassifikator, von DistilBench auf SST-2 trainiert</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Threads, device, theme, language</source>
        <translation>Threads, Gerät, Design, Sprache</translation>
    </message>
    <message>
        <source>LibTorch %1 · %2 threads on %3 cores · BLAS: %4 · bf16: %5</source>
        <translation>LibTorch %1 · %2 Threads auf %3 Kernen · BLAS: %4 · bf16: %5</translation>
    </message>
    <message>
        <source>native</source>
        <translation>nativ</translation>
    </message>
    <message>
        <source>emulated</source>
        <translation>emuliert</translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;id %2&lt;br&gt;characters %3–%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;ID %2&lt;br&gt;Zeichen %3–%4</translation>
    </message>
    <message>
        <source>&lt;br&gt;special token</source>
        <translation>&lt;br&gt;Sondertoken</translation>
    </message>
    <message>
        <source>&lt;br&gt;unknown: not in the vocabulary</source>
        <translation>&lt;br&gt;unbekannt: nicht im Vokabular</translation>
    </message>
    <message>
        <source>&lt;br&gt;continues the previous piece</source>
        <translation>&lt;br&gt;setzt das vorige Stück fort</translation>
    </message>
    <message>
        <source>&lt;br&gt;cut off by max_length</source>
        <translation>&lt;br&gt;durch max_length abgeschnitten</translation>
    </message>
</context>
<context>
    <name>TokenizerPage</name>
    <message>
        <source>No tokenizer</source>
        <translation>Kein Tokenizer</translation>
    </message>
    <message>
        <source>Open a model (its tokenizer comes with it) or a tokenizer file: tokenizer.json, vocab.txt or a SentencePiece .model.</source>
        <translation>Öffnen Sie ein Modell (sein Tokenizer kommt mit) oder eine Tokenizer-Datei: tokenizer.json, vocab.txt oder ein SentencePiece-.model.</translation>
    </message>
    <message>
        <source>Open tokenizer</source>
        <translation>Tokenizer öffnen</translation>
    </message>
    <message>
        <source>Tokenizers (tokenizer.json *.json vocab.txt *.txt *.model)</source>
        <translation>Tokenizer (tokenizer.json *.json vocab.txt *.txt *.model)</translation>
    </message>
    <message>
        <source>Open Tokenizer…</source>
        <translation>Tokenizer öffnen…</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Tokenize the same text with a second tokenizer, side by side</source>
        <translation>Denselben Text mit einem zweiten Tokenizer nebeneinander tokenisieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the token chips as PNG, SVG or PDF</source>
        <translation>Die Token-Chips als PNG, SVG oder PDF speichern</translation>
    </message>
    <message>
        <source>Type or paste text; click a token to find it in the text, or click the text to find its tokens</source>
        <translation>Text eingeben oder einfügen; ein Token anklicken findet es im Text, ein Klick in den Text findet seine Tokens</translation>
    </message>
    <message>
        <source>Pair (segment B)</source>
        <translation>Paar (Segment B)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>max_length </source>
        <translation>max_length </translation>
    </message>
    <message>
        <source>Tokens beyond this length (special tokens included) are cut off when the model reads the text</source>
        <translation>Tokens über diese Länge hinaus (Sondertokens eingeschlossen) werden abgeschnitten, wenn das Modell den Text liest</translation>
    </message>
    <message>
        <source>Second text (segment B)</source>
        <translation>Zweiter Text (Segment B)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Search by token or id</source>
        <translation>Nach Token oder ID suchen</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>Tokenizer to compare</source>
        <translation>Vergleichs-Tokenizer</translation>
    </message>
    <message>
        <source>Tokenizers (*.json *.txt *.model)</source>
        <translation>Tokenizer (*.json *.txt *.model)</translation>
    </message>
    <message>
        <source>Loading tokenizer %1</source>
        <translation>Tokenizer %1 wird geladen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; tokenizer · %2 tokens · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;-Tokenizer · %2 Tokens · %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3 tokens)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2, %3 Tokens)</translation>
    </message>
    <message>
        <source>Tokenizing</source>
        <translation>Tokenisierung</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Training data:</source>
        <translation>Trainingsdaten:</translation>
    </message>
    <message>
        <source>CSV, TSV, JSON Lines, JSON or CoNLL</source>
        <translation>CSV, TSV, JSON Lines, JSON oder CoNLL</translation>
    </message>
    <message>
        <source>Validation data:</source>
        <translation>Validierungsdaten:</translation>
    </message>
    <message>
        <source>optional: a share of the training data otherwise</source>
        <translation>optional: sonst ein Anteil der Trainingsdaten</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Multi-label</source>
        <translation>Multi-Label</translation>
    </message>
    <message>
        <source>Token classification (NER)</source>
        <translation>Token-Klassifikation (NER)</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>Textspalte:</translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation>Labelspalte:</translation>
    </message>
    <message>
        <source>The open model</source>
        <translation>Das geöffnete Modell</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Fine-tune the model open on the Models page, or train a new one from scratch</source>
        <translation>Das auf der Seite Modelle geöffnete Modell feinabstimmen oder ein neues von Grund auf trainieren</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start training (Ctrl+R)</source>
        <translation>Training starten (Strg+R)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is saved so the run can be resumed</source>
        <translation>Nach dem aktuellen Schritt anhalten; ein Checkpoint wird gespeichert, damit der Lauf fortgesetzt werden kann</translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation>Lauf fortsetzen…</translation>
    </message>
    <message>
        <source>Choose training data to see a preview, the class balance and token lengths.</source>
        <translation>Wählen Sie Trainingsdaten, um eine Vorschau, die Klassenverteilung und die Tokenlängen zu sehen.</translation>
    </message>
    <message>
        <source>Tokens per example; examples right of the red line are cut to max_length</source>
        <translation>Tokens pro Beispiel; Beispiele rechts der roten Linie werden auf max_length gekürzt</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Pick training data and press Start.</source>
        <translation>Trainingsdaten wählen und Starten drücken.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Best metric</source>
        <translation>Beste Metrik</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run history&lt;/b&gt;</source>
        <translation>&lt;b&gt;Laufhistorie&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Run folder to resume</source>
        <translation>Fortzusetzender Laufordner</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 Tags</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 rows&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1 Zeilen&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source> · tokens per row: mean %1, max %2</source>
        <translation> · Tokens pro Zeile: Mittel %1, Maximum %2</translation>
    </message>
    <message numerus="yes">
        <source>%n empty row(s)</source>
        <translation>
            <numerusform>%n leere Zeile</numerusform>
            <numerusform>%n leere Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate row(s)</source>
        <translation>
            <numerusform>%n doppelte Zeile</numerusform>
            <numerusform>%n doppelte Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) longer than max_length %1</source>
        <translation>
            <numerusform>%n Zeile länger als max_length %1</numerusform>
            <numerusform>%n Zeilen länger als max_length %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;No problems found.</source>
        <translation>&lt;br&gt;Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Problems:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Probleme:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Choose the training data first.</source>
        <translation>Wählen Sie zuerst die Trainingsdaten.</translation>
    </message>
    <message>
        <source>Open a model to fine-tune, or choose a new model from a preset.</source>
        <translation>Öffnen Sie ein Modell zum Feinabstimmen oder wählen Sie ein neues Modell aus einer Vorlage.</translation>
    </message>
    <message>
        <source>Resuming training</source>
        <translation>Training wird fortgesetzt</translation>
    </message>
    <message>
        <source>Preparing data and model…</source>
        <translation>Daten und Modell werden vorbereitet…</translation>
    </message>
    <message>
        <source>Finished. The best model is in %1/best.</source>
        <translation>Fertig. Das beste Modell liegt in %1/best.</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>nicht beendet</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The header of %1 cannot be read: %2</source>
        <translation>Die Kopfzeile von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>choose the text column</source>
        <translation>Textspalte wählen</translation>
    </message>
    <message>
        <source>choose the label column</source>
        <translation>Label-Spalte wählen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The data cannot be read:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Daten können nicht gelesen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The data may be mapped wrongly:
%1

Train anyway?</source>
        <translation>Die Daten sind womöglich falsch zugeordnet:
%1

Trotzdem trainieren?</translation>
    </message>
    <message>
        <source>Runs in %1; check runs to overlay their loss curves; right-click to compare, rename or delete</source>
        <translation>Läufe in %1; Läufe ankreuzen, um ihre Verlustkurven zu überlagern; Rechtsklick zum Vergleichen, Umbenennen oder Löschen</translation>
    </message>
    <message>
        <source>Compare Checked Runs</source>
        <translation>Angekreuzte Läufe vergleichen</translation>
    </message>
    <message>
        <source>Compare All Runs</source>
        <translation>Alle Läufe vergleichen</translation>
    </message>
    <message>
        <source>Rename Run…</source>
        <translation>Lauf umbenennen…</translation>
    </message>
    <message>
        <source>Delete Run…</source>
        <translation>Lauf löschen…</translation>
    </message>
    <message>
        <source>Run History</source>
        <translation>Lauf-Verlauf</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>Lauf umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Delete the run %1 with its checkpoints and best model?</source>
        <translation>Den Lauf %1 mit seinen Checkpoints und dem besten Modell löschen?</translation>
    </message>
    <message>
        <source>Best value</source>
        <translation>Bester Wert</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Dauer (s)</translation>
    </message>
    <message>
        <source>Examples/s</source>
        <translation>Beispiele/s</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Lauf-Ordner:</translation>
    </message>
    <message>
        <source>folder of the run history</source>
        <translation>Ordner des Lauf-Verlaufs</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>The run&apos;s folder name inside the runs folder</source>
        <translation>Der Ordnername des Laufs im Lauf-Ordner</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Laufname:</translation>
    </message>
    <message>
        <source>Reading the curves of %1</source>
        <translation>Die Kurven von %1 werden gelesen</translation>
    </message>
    <message>
        <source>Reading the run history</source>
        <translation>Der Verlauf der Läufe wird gelesen</translation>
    </message>
</context>
<context>
    <name>TrainingOptions</name>
    <message>
        <source>Validation split</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Share of the training data held out for validation when no validation file is given (stratified by label, seeded)</source>
        <translation>Anteil der Trainingsdaten, der zur Validierung zurückgehalten wird, wenn keine Validierungsdatei angegeben ist (nach Label geschichtet, mit Seed)</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>Testanteil</translation>
    </message>
    <message>
        <source>Share of the training data held out as a test set, scored once with the best model, when no test file is given</source>
        <translation>Anteil der Trainingsdaten, der als Testmenge zurückgehalten und einmal mit dem besten Modell bewertet wird, wenn keine Testdatei angegeben ist</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Passes over the training data</source>
        <translation>Durchläufe über die Trainingsdaten</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>Maximale Schritte</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps (0: use epochs)</source>
        <translation>Nach so vielen Optimiererschritten anhalten (0: Epochen verwenden)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Peak learning rate: how big each update is. 2e-5 to 5e-5 suits fine-tuning; small models from scratch like 5e-4</source>
        <translation>Maximale Lernrate: wie groß jede Aktualisierung ist. 2e-5 bis 5e-5 passt zum Feinabstimmen; kleine Modelle von Grund auf mögen 5e-4</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Examples per batch (per process on average in data-parallel runs)</source>
        <translation>Beispiele pro Batch (pro Prozess im Mittel bei datenparallelem Training)</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>Maximale Länge</translation>
    </message>
    <message>
        <source>Longer inputs are truncated to this many tokens</source>
        <translation>Längere Eingaben werden auf so viele Tokens gekürzt</translation>
    </message>
    <message>
        <source>Warm-up ratio</source>
        <translation>Aufwärmanteil</translation>
    </message>
    <message>
        <source>Warm-up: the share of steps during which the learning rate rises from 0 to its peak; it keeps early updates from wrecking a pretrained model</source>
        <translation>Aufwärmen: der Anteil der Schritte, in denen die Lernrate von 0 auf ihren Höchstwert steigt; das verhindert, dass frühe Aktualisierungen ein vortrainiertes Modell zerstören</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>Aufwärmschritte</translation>
    </message>
    <message>
        <source>Warm-up as a number of steps (overrides the ratio; 0: use the ratio)</source>
        <translation>Aufwärmphase als Anzahl Schritte (ersetzt den Anteil; 0: den Anteil verwenden)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>How the learning rate falls after the warm-up: linear to 0, cosine to 0, or constant</source>
        <translation>Wie die Lernrate nach dem Aufwärmen fällt: linear auf 0, kosinusförmig auf 0 oder konstant</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <source>AdamW weight decay: pulls weights towards zero (not biases or LayerNorm)</source>
        <translation>AdamW-Gewichtsabnahme: zieht Gewichte Richtung null (nicht Biases oder LayerNorm)</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Gradientenbegrenzung</translation>
    </message>
    <message>
        <source>Gradient clipping: the largest gradient norm allowed (0 = off)</source>
        <translation>Gradientenbegrenzung: die größte erlaubte Gradientennorm (0 = aus)</translation>
    </message>
    <message>
        <source>Accumulation</source>
        <translation>Akkumulation</translation>
    </message>
    <message>
        <source>Gradient accumulation: batches summed before each update (a larger effective batch)</source>
        <translation>Gradientenakkumulation: Batches, die vor jeder Aktualisierung summiert werden (ein größerer effektiver Batch)</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>AdamW&apos;s decay of the gradient average (momentum)</source>
        <translation>Abklingen des Gradientenmittels in AdamW (Momentum)</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>AdamW&apos;s decay of the squared-gradient average</source>
        <translation>Abklingen des Mittels der quadrierten Gradienten in AdamW</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Added to AdamW&apos;s denominator for numerical stability</source>
        <translation>Wird zum Nenner von AdamW addiert, für numerische Stabilität</translation>
    </message>
    <message>
        <source>Group by length</source>
        <translation>Nach Länge gruppieren</translation>
    </message>
    <message>
        <source>Batches of similar length (less padding, faster), in the Hugging Face Trainer&apos;s order; off: plain shuffled batches</source>
        <translation>Batches ähnlicher Länge (weniger Auffüllung, schneller), in der Reihenfolge des Hugging-Face-Trainers; aus: einfach gemischte Batches</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <source>Weights of the classes in the loss: &apos;balanced&apos; (from label frequencies, so rare classes count as much as common ones) or one weight per label, e.g. 1,2.5</source>
        <translation>Gewichte der Klassen im Verlust: „balanced“ (aus den Label-Häufigkeiten, damit seltene Klassen so viel zählen wie häufige) oder ein Gewicht pro Label, z. B. 1,2.5</translation>
    </message>
    <message>
        <source>none, balanced, or 1,2.5,…</source>
        <translation>keine, balanced oder 1,2.5,…</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>Label-Glättung</translation>
    </message>
    <message>
        <source>Moves this share of each target&apos;s probability to the other classes (0 = off)</source>
        <translation>Verschiebt diesen Anteil der Zielwahrscheinlichkeit auf die anderen Klassen (0 = aus)</translation>
    </message>
    <message>
        <source>Freeze embeddings</source>
        <translation>Einbettungen einfrieren</translation>
    </message>
    <message>
        <source>Do not train the embeddings</source>
        <translation>Die Embeddings nicht trainieren</translation>
    </message>
    <message>
        <source>Freeze layers</source>
        <translation>Schichten einfrieren</translation>
    </message>
    <message>
        <source>Keep the first K layers fixed</source>
        <translation>Die ersten K Schichten festhalten</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>Bewerten alle</translation>
    </message>
    <message>
        <source>Evaluate every N steps (0: at the end of each epoch)</source>
        <translation>Alle N Schritte bewerten (0: am Ende jeder Epoche)</translation>
    </message>
    <message>
        <source>Evaluation batch</source>
        <translation>Evaluierungs-Batch</translation>
    </message>
    <message>
        <source>Examples per batch when evaluating</source>
        <translation>Beispiele pro Batch bei der Evaluierung</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>Protokollieren alle</translation>
    </message>
    <message>
        <source>Log the training loss every N steps</source>
        <translation>Den Trainingsverlust alle N Schritte protokollieren</translation>
    </message>
    <message>
        <source>Best model by</source>
        <translation>Bestes Modell nach</translation>
    </message>
    <message>
        <source>The validation metric that picks the best model (empty: the task&apos;s main metric)</source>
        <translation>Die Validierungsmetrik, die das beste Modell auswählt (leer: die Hauptmetrik der Aufgabe)</translation>
    </message>
    <message>
        <source>the task&apos;s main metric</source>
        <translation>die Hauptmetrik der Aufgabe</translation>
    </message>
    <message>
        <source>Early stopping on</source>
        <translation>Frühes Stoppen nach</translation>
    </message>
    <message>
        <source>Early stopping: stop when this validation metric stops improving (empty: the metric that picks the best model)</source>
        <translation>Frühes Beenden: aufhören, wenn sich diese Validierungsmetrik nicht mehr verbessert (leer: die Metrik, die das beste Modell auswählt)</translation>
    </message>
    <message>
        <source>the best-model metric</source>
        <translation>die Metrik des besten Modells</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>Geduld</translation>
    </message>
    <message>
        <source>Evaluations without improvement before stopping (0 = off)</source>
        <translation>Bewertungen ohne Verbesserung vor dem Anhalten (0 = aus)</translation>
    </message>
    <message>
        <source>Least improvement</source>
        <translation>Kleinste Verbesserung</translation>
    </message>
    <message>
        <source>Early stopping: the least improvement that counts</source>
        <translation>Frühes Beenden: die kleinste Verbesserung, die zählt</translation>
    </message>
    <message>
        <source>Multi-label threshold</source>
        <translation>Multi-Label-Schwelle</translation>
    </message>
    <message>
        <source>Multi-label: a label is predicted when its probability reaches this value</source>
        <translation>Multi-Label: ein Label wird vorhergesagt, wenn seine Wahrscheinlichkeit diesen Wert erreicht</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>Behaltene Checkpoints</translation>
    </message>
    <message>
        <source>Checkpoints to keep; older ones are removed</source>
        <translation>Zu behaltende Checkpoints; ältere werden entfernt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Same seed and threads give the same run</source>
        <translation>Gleicher Seed und gleiche Threads ergeben denselben Lauf</translation>
    </message>
    <message>
        <source>bf16 autocast</source>
        <translation>bf16-Autocast</translation>
    </message>
    <message>
        <source>Compute the forward pass in bfloat16: faster on CPUs with AVX512-BF16/AMX</source>
        <translation>Den Vorwärtsdurchlauf in bfloat16 rechnen: schneller auf CPUs mit AVX512-BF16/AMX</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Temperature T softens both distributions (softmax(logits/T)) so the student also learns how the teacher ranks the wrong answers; the KL term is multiplied by T² to keep its gradients the same size</source>
        <translation>Die Temperatur T glättet beide Verteilungen (softmax(logits/T)), sodass der Schüler auch lernt, wie der Lehrer die falschen Antworten ordnet; der KL-Term wird mit T² multipliziert, damit seine Gradienten gleich groß bleiben</translation>
    </message>
    <message>
        <source>α distillation (KL)</source>
        <translation>α Destillation (KL)</translation>
    </message>
    <message>
        <source>Weight of the distillation term: KL divergence between the teacher&apos;s and the student&apos;s softened predictions</source>
        <translation>Gewicht des Destillationsterms: KL-Divergenz zwischen den geglätteten Vorhersagen von Lehrer und Schüler</translation>
    </message>
    <message>
        <source>α labels</source>
        <translation>α Labels</translation>
    </message>
    <message>
        <source>Weight of the ordinary cross-entropy on the true labels</source>
        <translation>Gewicht der gewöhnlichen Kreuzentropie auf den wahren Labels</translation>
    </message>
    <message>
        <source>α masked LM</source>
        <translation>α maskiertes LM</translation>
    </message>
    <message>
        <source>Pre-training: weight of the masked-language-model cross-entropy</source>
        <translation>Vortraining: Gewicht der Kreuzentropie des maskierten Sprachmodells</translation>
    </message>
    <message>
        <source>α cosine</source>
        <translation>α Kosinus</translation>
    </message>
    <message>
        <source>Weight of the cosine loss that pulls the student&apos;s last hidden states towards the teacher&apos;s (needs equal hidden sizes)</source>
        <translation>Gewicht des Kosinusverlusts, der die letzten verborgenen Zustände des Schülers zu denen des Lehrers zieht (braucht gleiche verborgene Größen)</translation>
    </message>
    <message>
        <source>α logits MSE</source>
        <translation>α Logits-MSE</translation>
    </message>
    <message>
        <source>Weight of the squared error between teacher and student logits</source>
        <translation>Gewicht des quadratischen Fehlers zwischen den Logits von Lehrer und Schüler</translation>
    </message>
    <message>
        <source>Cache teacher logits</source>
        <translation>Lehrer-Logits zwischenspeichern</translation>
    </message>
    <message>
        <source>Classification without the cosine term: the teacher runs once per example and later epochs reuse its outputs</source>
        <translation>Klassifikation ohne Kosinusterm: Der Lehrer läuft einmal pro Beispiel, spätere Epochen verwenden seine Ausgaben wieder</translation>
    </message>
    <message>
        <source>Masking probability</source>
        <translation>Maskierungswahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Pre-training: share of tokens chosen for prediction</source>
        <translation>Vortraining: Anteil der Tokens, die zur Vorhersage ausgewählt werden</translation>
    </message>
    <message>
        <source>Favour rare tokens</source>
        <translation>Seltene Tokens bevorzugen</translation>
    </message>
    <message>
        <source>Pre-training: choose rare tokens more often (counts^-0.7, as DistilBERT did)</source>
        <translation>Vortraining: seltene Tokens häufiger wählen (Häufigkeit^-0.7, wie bei DistilBERT)</translation>
    </message>
    <message>
        <source>distillation (KL)</source>
        <translation>Destillation (KL)</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>masked LM</source>
        <translation>Masked LM</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>logits MSE</source>
        <translation>Logits-MSE</translation>
    </message>
    <message>
        <source>Record a data map</source>
        <translation>Datenkarte aufzeichnen</translation>
    </message>
    <message>
        <source>Keep each training example&apos;s probability of its label per epoch (from the training pass itself): the Analyse page&apos;s data map finds likely label errors with it</source>
        <translation>Für jedes Trainingsbeispiel die Wahrscheinlichkeit seines Labels je Epoche festhalten (aus dem Trainingsdurchlauf selbst): Die Datenkarte der Seite Analyse findet damit wahrscheinliche Labelfehler</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Loading tokenizer %1</source>
        <translation>Tokenizer %1 wird geladen</translation>
    </message>
    <message>
        <source>Loading model %1</source>
        <translation>Modell %1 wird geladen</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>neu: %1</translation>
    </message>
    <message>
        <source>Moving the model to %1</source>
        <translation>Modell wird nach %1 verschoben</translation>
    </message>
    <message>
        <source>Loading the demo model</source>
        <translation>Das Demo-Modell wird geladen</translation>
    </message>
    <message>
        <source>Demo: SST-2 sentiment</source>
        <translation>Demo: SST-2-Stimmung</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for BERT-family encoders</source>
        <translation>Werkbank für Encoder der BERT-Familie</translation>
    </message>
    <message>
        <source>Model folder or file to open</source>
        <translation>Zu öffnender Modellordner oder Datei</translation>
    </message>
    <message>
        <source>Starting: loading the model engine (LibTorch)…</source>
        <translation>Start: die Modell-Engine (LibTorch) wird geladen …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>DistilBench cannot start: %1: %2</source>
        <translation>DistilBench kann nicht starten: %1: %2</translation>
    </message>
    <message>
        <source>no entry point %1</source>
        <translation>kein Einsprungpunkt %1</translation>
    </message>
</context>
</TS>
