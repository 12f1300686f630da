<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DistilBench</source>
        <translation>À propos de DistilBench</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DistilBench&lt;/h2&gt;&lt;p&gt;A native workbench for BERT-family encoders: inspect, test, fine-tune, distil and export DistilBERT and BERT models, offline.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DistilBench&lt;/h2&gt;&lt;p&gt;Un atelier natif pour les encodeurs de la famille BERT : inspecter, tester, affiner, distiller et exporter des modèles DistilBERT et BERT, hors ligne.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AnalysePage</name>
    <message>
        <source>Nothing to analyse yet</source>
        <translation>Rien à analyser pour l&apos;instant</translation>
    </message>
    <message>
        <source>Open a classification model with its tokenizer on the Models page (or use the demo): then test its behaviour with a suite and edit sentences to see what flips its prediction.</source>
        <translation>Ouvrez un modèle de classification avec son tokenizer sur la page Modèles (ou le modèle de démonstration) : testez ensuite son comportement avec une suite et modifiez des phrases pour voir ce qui fait basculer sa prédiction.</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Utiliser le modèle de démonstration</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportement</translation>
    </message>
    <message>
        <source>Behavioural tests: does the model handle negation, names, typos…?</source>
        <translation>Tests de comportement : le modèle gère-t-il la négation, les noms, les fautes de frappe… ?</translation>
    </message>
    <message>
        <source>Counterfactuals</source>
        <translation>Contrefactuels</translation>
    </message>
    <message>
        <source>Edit a sentence and see what flips the prediction</source>
        <translation>Modifiez une phrase et voyez ce qui fait basculer la prédiction</translation>
    </message>
    <message>
        <source>Slices</source>
        <translation>Tranches</translation>
    </message>
    <message>
        <source>Accuracy on parts of the data: where is the model weaker?</source>
        <translation>Exactitude sur des parties des données : où le modèle est-il plus faible ?</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Projecteur</translation>
    </message>
    <message>
        <source>Every text as a point: clusters, outliers, where errors gather</source>
        <translation>Chaque texte comme un point : groupes, valeurs aberrantes, où se concentrent les erreurs</translation>
    </message>
    <message>
        <source>Data Map</source>
        <translation>Carte des données</translation>
    </message>
    <message>
        <source>Training dynamics of a run: which training examples are likely mislabelled?</source>
        <translation>Dynamique d&apos;entraînement d&apos;une exécution : quels exemples sont probablement mal étiquetés ?</translation>
    </message>
    <message>
        <source>The open model has no tokenizer: the analyses read text. Open a model folder with its tokenizer files.</source>
        <translation>Le modèle ouvert n&apos;a pas de tokenizer : les analyses lisent du texte. Ouvrez un dossier de modèle avec ses fichiers de tokenizer.</translation>
    </message>
    <message>
        <source>Needs a text classification model</source>
        <translation>Nécessite un modèle de classification de texte</translation>
    </message>
    <message>
        <source>Needs a classification or token classification model</source>
        <translation>Nécessite un modèle de classification ou de classification de tokens</translation>
    </message>
</context>
<context>
    <name>AttentionHeatmap</name>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2 : %3</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>No model to look into</source>
        <translation>Aucun modèle à examiner</translation>
    </message>
    <message>
        <source>Open a model on the Models page; then type a sentence here to see where each layer and head attends, and which tokens drive the prediction.</source>
        <translation>Ouvrez un modèle dans la page Modèles, puis saisissez une phrase ici pour voir où chaque couche et chaque tête porte son attention, et quels tokens déterminent la prédiction.</translation>
    </message>
    <message>
        <source>Type a sentence to look inside the model</source>
        <translation>Saisissez une phrase pour examiner le modèle</translation>
    </message>
    <message>
        <source>Pair (segment B)</source>
        <translation>Paire (segment B)</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>couche </translation>
    </message>
    <message>
        <source>One head, or the mean of all heads of the layer</source>
        <translation>Une tête, ou la moyenne de toutes les têtes de la couche</translation>
    </message>
    <message>
        <source>Hide special tokens</source>
        <translation>Masquer les tokens spéciaux</translation>
    </message>
    <message>
        <source>[CLS] and [SEP] often soak up attention; hiding them shows the rest</source>
        <translation>[CLS] et [SEP] absorbent souvent l&apos;attention ; les masquer montre le reste</translation>
    </message>
    <message>
        <source>Normalise rows</source>
        <translation>Normaliser les lignes</translation>
    </message>
    <message>
        <source>Rescale each query row to sum to 1 after filtering</source>
        <translation>Remettre chaque ligne de requête à une somme de 1 après filtrage</translation>
    </message>
    <message>
        <source>Show only the largest attention weights that hold this share of each row&apos;s mass</source>
        <translation>N&apos;afficher que les plus grands poids d&apos;attention qui totalisent cette part de chaque ligne</translation>
    </message>
    <message>
        <source>top 100% of mass</source>
        <translation>100 % supérieurs de la masse</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>Tous les tokens</translation>
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
        <translation>Pour les paires : requêtes d&apos;un segment portant sur les clés de l&apos;autre</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Open a second model (for example the student of a teacher) to see side by side</source>
        <translation>Ouvrir un second modèle (par exemple l&apos;élève d&apos;un enseignant) pour les voir côte à côte</translation>
    </message>
    <message>
        <source>Export View…</source>
        <translation>Exporter la vue…</translation>
    </message>
    <message>
        <source>Save the current view as PNG, SVG or PDF</source>
        <translation>Enregistrer la vue actuelle en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exporter en JSON…</translation>
    </message>
    <message>
        <source>Save the raw attention tensor [layer][head][query][key] with the tokens</source>
        <translation>Enregistrer le tenseur d&apos;attention brut [couche][tête][requête][clé] avec les tokens</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>Head view</source>
        <translation>Vue par tête</translation>
    </message>
    <message>
        <source>Model view</source>
        <translation>Vue du modèle</translation>
    </message>
    <message>
        <source>Attention rollout: attention multiplied through the layers (with the residual connection), an estimate of how much each token&apos;s final state draws on each input token</source>
        <translation>Attention rollout : l&apos;attention multipliée à travers les couches (avec la connexion résiduelle), une estimation de la part de chaque token d&apos;entrée dans l&apos;état final de chaque token</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Tête</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>On [CLS]</source>
        <translation>Sur [CLS]</translation>
    </message>
    <message>
        <source>On [SEP]</source>
        <translation>Sur [SEP]</translation>
    </message>
    <message>
        <source>On punctuation</source>
        <translation>Sur la ponctuation</translation>
    </message>
    <message>
        <source>Mean distance</source>
        <translation>Distance moyenne</translation>
    </message>
    <message>
        <source>Low entropy: the head focuses on few tokens; high: it spreads out</source>
        <translation>Entropie faible : la tête se concentre sur peu de tokens ; élevée : elle se disperse</translation>
    </message>
    <message>
        <source>How far, in tokens, a head looks on average</source>
        <translation>Jusqu&apos;où une tête regarde en moyenne, en tokens</translation>
    </message>
    <message>
        <source>Head statistics</source>
        <translation>Statistiques des têtes</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Compute token attributions for the text above (Ctrl+E)</source>
        <translation>Calculer les attributions des tokens pour le texte ci-dessus (Ctrl+E)</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>top %1% of mass</source>
        <translation>%1 % supérieurs de la masse</translation>
    </message>
    <message>
        <source>Model to compare</source>
        <translation>Modèle à comparer</translation>
    </message>
    <message>
        <source>Loading %1 for comparison</source>
        <translation>Chargement de %1 pour la comparaison</translation>
    </message>
    <message>
        <source>Export attention</source>
        <translation>Exporter l&apos;attention</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>all heads (mean)</source>
        <translation>toutes les têtes (moyenne)</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
    <message>
        <source>Computing attention</source>
        <translation>Calcul de l&apos;attention</translation>
    </message>
    <message>
        <source>%1 tokens · %2 layers × %3 heads · %4</source>
        <translation>%1 tokens · %2 couches × %3 têtes · %4</translation>
    </message>
    <message>
        <source>layer %1, mean of heads</source>
        <translation>couche %1, moyenne des têtes</translation>
    </message>
    <message>
        <source>layer %1, head %2</source>
        <translation>couche %1, tête %2</translation>
    </message>
    <message>
        <source>attention rollout</source>
        <translation>attention rollout</translation>
    </message>
    <message>
        <source> · &lt;b&gt;the input has %1 tokens; only the first %2 (the model&apos;s limit) are shown&lt;/b&gt;</source>
        <translation> · &lt;b&gt;l&apos;entrée compte %1 tokens ; seuls les %2 premiers (la limite du modèle) sont affichés&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ctrl + wheel zooms; long inputs scroll</source>
        <translation>Ctrl + molette pour zoomer ; les entrées longues défilent</translation>
    </message>
    <message>
        <source>Hide punctuation</source>
        <translation>Masquer la ponctuation</translation>
    </message>
    <message>
        <source>Punctuation often soaks up attention as well; hiding it shows the words</source>
        <translation>La ponctuation absorbe souvent aussi l&apos;attention ; la masquer montre les mots</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>Têtes :</translation>
    </message>
    <message>
        <source>Show or hide the lines of head %1</source>
        <translation>Afficher ou masquer les lignes de la tête %1</translation>
    </message>
    <message>
        <source>Type a sentence above: its attention appears here as you type (heatmap, head lines, all layers, rollout and per-head statistics).</source>
        <translation>Saisissez une phrase ci-dessus : son attention apparaît ici au fil de la frappe (carte de chaleur, lignes des têtes, toutes les couches, rollout et statistiques par tête).</translation>
    </message>
</context>
<context>
    <name>BehaviourTab</name>
    <message>
        <source>Built-in: sentiment (16 tests)</source>
        <translation>Intégrée : sentiment (16 tests)</translation>
    </message>
    <message>
        <source>A behavioural test suite: templates filled from word lists, checked as MFT (the expected label), INV (a change must not flip the prediction) or DIR (a change must move a label&apos;s probability one way), after CheckList (Ribeiro et al., 2020)</source>
        <translation>Une suite de tests de comportement : des modèles de phrases remplis à partir de listes de mots, vérifiés en MFT (l&apos;étiquette attendue), INV (une modification ne doit pas faire basculer la prédiction) ou DIR (une modification doit faire varier la probabilité d&apos;une étiquette dans un sens), d&apos;après CheckList (Ribeiro et al., 2020)</translation>
    </message>
    <message>
        <source>Open Suite…</source>
        <translation>Ouvrir une suite…</translation>
    </message>
    <message>
        <source>A suite as JSON (see docs/BEHAVIOUR_SUITES.md)</source>
        <translation>Une suite au format JSON (voir docs/BEHAVIOUR_SUITES.md)</translation>
    </message>
    <message>
        <source>Run Tests</source>
        <translation>Lancer les tests</translation>
    </message>
    <message>
        <source>Run every test of the suite on the open model (Ctrl+Return)</source>
        <translation>Lancer chaque test de la suite sur le modèle ouvert (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Failing examples as CSV, or the whole report as JSON</source>
        <translation>Les exemples en échec en CSV, ou tout le rapport en JSON</translation>
    </message>
    <message>
        <source>Suite:</source>
        <translation>Suite :</translation>
    </message>
    <message>
        <source>Run a suite to see which behaviours the model has learnt.</source>
        <translation>Lancez une suite pour voir quels comportements le modèle a appris.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussis</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Requis</translation>
    </message>
    <message>
        <source>MFT: expected label · INV: prediction must not change · DIR: probability must move one way</source>
        <translation>MFT : étiquette attendue · INV : la prédiction ne doit pas changer · DIR : la probabilité doit varier dans un sens</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Changed to</source>
        <translation>Modifié en</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Prédit</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>MFT: the expected label&apos;s probability · INV: the original prediction&apos;s probability · DIR: the direction label&apos;s probability</source>
        <translation>MFT : probabilité de l&apos;étiquette attendue · INV : probabilité de la prédiction d&apos;origine · DIR : probabilité de l&apos;étiquette visée</translation>
    </message>
    <message>
        <source>Double-click an example to open it in the Playground</source>
        <translation>Double-cliquez sur un exemple pour l&apos;ouvrir dans le bac à sable</translation>
    </message>
    <message>
        <source>Behavioural test suite</source>
        <translation>Suite de tests de comportement</translation>
    </message>
    <message>
        <source>Suites (*.json);;All files (*)</source>
        <translation>Suites (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Failing examples (*.csv);;Report (*.json)</source>
        <translation>Exemples en échec (*.csv);;Rapport (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Exécution de %1…</translation>
    </message>
    <message>
        <source>Behavioural tests</source>
        <translation>Tests de comportement</translation>
    </message>
    <message>
        <source>✓ pass</source>
        <translation>✓ réussi</translation>
    </message>
    <message>
        <source>✗ fail</source>
        <translation>✗ échec</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of %2 tests passed&lt;/b&gt; · %3</source>
        <translation>&lt;b&gt;%1 tests réussis sur %2&lt;/b&gt; · %3</translation>
    </message>
    <message>
        <source>labels: %1</source>
        <translation>étiquettes : %1</translation>
    </message>
    <message>
        <source>p(expected)</source>
        <translation>p(attendu)</translation>
    </message>
    <message>
        <source>Built-in: named entities (10 tests)</source>
        <translation>Intégrée : entités nommées (10 tests)</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>predicted</source>
        <translation>prédit</translation>
    </message>
    <message>
        <source>true</source>
        <translation>réel</translation>
    </message>
</context>
<context>
    <name>CounterfactualTab</name>
    <message>
        <source>Leave out each word (occlusion)</source>
        <translation>Omettre chaque mot (occlusion)</translation>
    </message>
    <message>
        <source>Negate (add or remove “not”)</source>
        <translation>Nier (ajouter ou retirer « not »)</translation>
    </message>
    <message>
        <source>Swap intensifiers (very, slightly, …)</source>
        <translation>Échanger les intensifs (very, slightly, …)</translation>
    </message>
    <message>
        <source>Swap first names</source>
        <translation>Échanger les prénoms</translation>
    </message>
    <message>
        <source>Swap pronouns (he, she, they)</source>
        <translation>Échanger les pronoms (he, she, they)</translation>
    </message>
    <message>
        <source>Lower case</source>
        <translation>Minuscules</translation>
    </message>
    <message>
        <source>Upper case</source>
        <translation>Majuscules</translation>
    </message>
    <message>
        <source>Change the final punctuation</source>
        <translation>Changer la ponctuation finale</translation>
    </message>
    <message>
        <source>Typos</source>
        <translation>Fautes de frappe</translation>
    </message>
    <message>
        <source>A sentence, e.g. The film is not good at all.</source>
        <translation>Une phrase, p. ex. The film is not good at all.</translation>
    </message>
    <message>
        <source>Your edit of it: change a word and watch the prediction</source>
        <translation>Votre version : changez un mot et regardez la prédiction</translation>
    </message>
    <message>
        <source>Copy Original to Edited</source>
        <translation>Copier l&apos;original dans la version modifiée</translation>
    </message>
    <message>
        <source>Start the edit from the original sentence</source>
        <translation>Partir de la phrase d&apos;origine</translation>
    </message>
    <message>
        <source>Explain Both</source>
        <translation>Expliquer les deux</translation>
    </message>
    <message>
        <source>Token attributions of both sentences, to see which words the edit moved (Ctrl+E)</source>
        <translation>Attributions des tokens des deux phrases, pour voir quels mots la modification a déplacés (Ctrl+E)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Original&lt;/b&gt;</source>
        <translation>&lt;b&gt;Original&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Edited&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modifié&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Automatic perturbations of the original</source>
        <translation>Perturbations automatiques de l&apos;original</translation>
    </message>
    <message>
        <source>Occlusion leaves out one word at a time: the words whose absence flips the prediction are the ones it rests on</source>
        <translation>L&apos;occlusion omet un mot à la fois : les mots dont l&apos;absence fait basculer la prédiction sont ceux sur lesquels elle repose</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The variants with their predictions as CSV</source>
        <translation>Les variantes avec leurs prédictions en CSV</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Bascule</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Prédiction</translation>
    </message>
    <message>
        <source>Δ probability</source>
        <translation>Δ probabilité</translation>
    </message>
    <message>
        <source>How the probability of the original&apos;s prediction moved, in percentage points</source>
        <translation>Variation de la probabilité de la prédiction d&apos;origine, en points de pourcentage</translation>
    </message>
    <message>
        <source>Double-click a variant to edit it next to the original</source>
        <translation>Double-cliquez sur une variante pour la modifier à côté de l&apos;original</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Both are &lt;b&gt;%1&lt;/b&gt;; the edit moves its probability by %2 points.</source>
        <translation>Les deux sont &lt;b&gt;%1&lt;/b&gt; ; la modification déplace sa probabilité de %2 points.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The edit flips the prediction&lt;/b&gt;: %1 → %2 (%3 points for %1).</source>
        <translation>&lt;b&gt;La modification fait basculer la prédiction&lt;/b&gt; : %1 → %2 (%3 points pour %1).</translation>
    </message>
    <message>
        <source>Type an edited sentence on the right to compare.</source>
        <translation>Saisissez une phrase modifiée à droite pour comparer.</translation>
    </message>
    <message>
        <source>Counterfactuals</source>
        <translation>Contrefactuels</translation>
    </message>
    <message>
        <source>✗ flips</source>
        <translation>✗ bascule</translation>
    </message>
    <message>
        <source>This perturbation does not change the sentence.</source>
        <translation>Cette perturbation ne change pas la phrase.</translation>
    </message>
    <message>
        <source>%1 of %2 variants flip the prediction (%3).</source>
        <translation>%1 variantes sur %2 font basculer la prédiction (%3).</translation>
    </message>
</context>
<context>
    <name>DataMapTab</name>
    <message>
        <source>correct ≤ 20%</source>
        <translation>correct ≤ 20 %</translation>
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
        <translation>Dossier d&apos;un affinage (son entraînement a enregistré une carte des données)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Show Data Map</source>
        <translation>Afficher la carte</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The map as PNG, SVG or PDF, or every example&apos;s figures as CSV</source>
        <translation>La carte en PNG, SVG ou PDF, ou les valeurs de chaque exemple en CSV</translation>
    </message>
    <message>
        <source>A data map places each training example by how confidently the model gave it its label during training (mean over epochs) and how much that varied: examples it never learns (low confidence, low variability) are often mislabelled.</source>
        <translation>Une carte des données place chaque exemple selon la confiance avec laquelle le modèle lui a donné son étiquette pendant l&apos;entraînement (moyenne sur les époques) et sa variation : les exemples qu&apos;il n&apos;apprend jamais (faible confiance, faible variabilité) sont souvent mal étiquetés.</translation>
    </message>
    <message>
        <source>Data map</source>
        <translation>Carte des données</translation>
    </message>
    <message>
        <source>variability</source>
        <translation>variabilité</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confiance</translation>
    </message>
    <message>
        <source>Likely label errors (hard to learn)</source>
        <translation>Erreurs d&apos;étiquette probables (difficiles à apprendre)</translation>
    </message>
    <message>
        <source>Ambiguous examples</source>
        <translation>Exemples ambigus</translation>
    </message>
    <message>
        <source>Every example, highest loss first</source>
        <translation>Tous les exemples, perte la plus élevée d&apos;abord</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Variability</source>
        <translation>Variabilité</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Checked examples are left out of the copy</source>
        <translation>Les exemples cochés sont omis de la copie</translation>
    </message>
    <message>
        <source>Save Training Data Without Checked…</source>
        <translation>Enregistrer les données sans les cochés…</translation>
    </message>
    <message>
        <source>A copy of the run&apos;s training file without the checked examples, for the next run; the original file is not changed</source>
        <translation>Une copie du fichier d&apos;entraînement sans les exemples cochés, pour la prochaine exécution ; le fichier d&apos;origine n&apos;est pas modifié</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Dossier d&apos;exécution</translation>
    </message>
    <message>
        <source>Training data without the checked examples</source>
        <translation>Données d&apos;entraînement sans les exemples cochés</translation>
    </message>
    <message>
        <source>Data (*.%1)</source>
        <translation>Données (*.%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Examples (*.csv);;</source>
        <translation>Exemples (*.csv);;</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Data map of %1</source>
        <translation>Carte des données de %1</translation>
    </message>
    <message>
        <source>ambiguous →</source>
        <translation>ambigu →</translation>
    </message>
    <message>
        <source>hard to learn ↓</source>
        <translation>difficile à apprendre ↓</translation>
    </message>
    <message>
        <source>%1 training examples over %2 epochs: &lt;b&gt;%3 easy to learn&lt;/b&gt;, %4 ambiguous, &lt;b&gt;%5 hard to learn&lt;/b&gt; (likely label errors, listed on the right)</source>
        <translation>%1 exemples sur %2 époques : &lt;b&gt;%3 faciles à apprendre&lt;/b&gt;, %4 ambigus, &lt;b&gt;%5 difficiles à apprendre&lt;/b&gt; (erreurs d&apos;étiquette probables, listées à droite)</translation>
    </message>
    <message>
        <source>one epoch: variability needs two or more</source>
        <translation>une époque : la variabilité en demande deux ou plus</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Écriture de %1</translation>
    </message>
    <message>
        <source>Wrote %1 without %2 rows; the original is unchanged.</source>
        <translation>%1 écrit sans %2 lignes ; l&apos;original est inchangé.</translation>
    </message>
</context>
<context>
    <name>DistillPage</name>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Teacher and student</source>
        <translation>Enseignant et élève</translation>
    </message>
    <message>
        <source>a fine-tuned classifier folder</source>
        <translation>un dossier de classifieur affiné</translation>
    </message>
    <message>
        <source>Use Open Model</source>
        <translation>Utiliser le modèle ouvert</translation>
    </message>
    <message>
        <source>The model open in the workspace becomes the teacher</source>
        <translation>Le modèle ouvert dans l&apos;espace de travail devient l&apos;enseignant</translation>
    </message>
    <message>
        <source>Teacher:</source>
        <translation>Enseignant :</translation>
    </message>
    <message>
        <source>Initialise from the teacher&apos;s layers</source>
        <translation>Initialiser à partir des couches de l&apos;enseignant</translation>
    </message>
    <message>
        <source>New model from a preset</source>
        <translation>Nouveau modèle à partir d&apos;un préréglage</translation>
    </message>
    <message>
        <source>Existing model folder</source>
        <translation>Dossier de modèle existant</translation>
    </message>
    <message>
        <source>DistilBERT&apos;s authors started the student from every other teacher layer: it learns much faster than from random weights</source>
        <translation>Les auteurs de DistilBERT ont initialisé l&apos;élève avec une couche sur deux de l&apos;enseignant : il apprend bien plus vite qu&apos;à partir de poids aléatoires</translation>
    </message>
    <message>
        <source>Student:</source>
        <translation>Élève :</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Préréglage :</translation>
    </message>
    <message>
        <source>Student folder:</source>
        <translation>Dossier de l&apos;élève :</translation>
    </message>
    <message>
        <source>a model with the teacher&apos;s vocabulary</source>
        <translation>un modèle avec le vocabulaire de l&apos;enseignant</translation>
    </message>
    <message>
        <source>evenly spread, e.g. 0,2,4,7,9,11</source>
        <translation>réparties uniformément, par ex. 0,2,4,7,9,11</translation>
    </message>
    <message>
        <source>Teacher layers copied into the student, one per student layer, bottom first</source>
        <translation>Couches de l&apos;enseignant copiées dans l&apos;élève, une par couche de l&apos;élève, de bas en haut</translation>
    </message>
    <message>
        <source>Student layers when no list is given: evenly spread over the teacher</source>
        <translation>Couches de l&apos;élève sans liste donnée : réparties uniformément sur l&apos;enseignant</translation>
    </message>
    <message>
        <source>or count</source>
        <translation>ou nombre</translation>
    </message>
    <message>
        <source>Teacher layers:</source>
        <translation>Couches de l&apos;enseignant :</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Size (fp32)</source>
        <translation>Taille (fp32)</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>Accélération</translation>
    </message>
    <message>
        <source>Speed-up is estimated from the layer count and widths; the report measures it</source>
        <translation>L&apos;accélération est estimée d&apos;après le nombre de couches et les largeurs ; le rapport la mesure</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Token classification (NER)</source>
        <translation>Classification de tokens (NER)</translation>
    </message>
    <message>
        <source>Pre-training (masked LM on raw text)</source>
        <translation>Pré-entraînement (LM masqué sur texte brut)</translation>
    </message>
    <message>
        <source>Task-specific distillation copies a fine-tuned teacher; pre-training distillation is DistilBERT&apos;s recipe on a raw corpus (one document per line)</source>
        <translation>La distillation spécifique à une tâche copie un enseignant affiné ; la distillation de pré-entraînement est la recette de DistilBERT sur un corpus brut (un document par ligne)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Training data:</source>
        <translation>Données d&apos;entraînement :</translation>
    </message>
    <message>
        <source>CSV, TSV, JSONL, CoNLL, or a text corpus</source>
        <translation>CSV, TSV, JSONL, CoNLL ou un corpus de texte</translation>
    </message>
    <message>
        <source>Validation data:</source>
        <translation>Données de validation :</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Start Distillation</source>
        <translation>Lancer la distillation</translation>
    </message>
    <message>
        <source>Start (Ctrl+Enter)</source>
        <translation>Lancer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation>Reprendre une exécution…</translation>
    </message>
    <message>
        <source>Distil a teacher into a smaller student</source>
        <translation>Distiller un enseignant dans un élève plus petit</translation>
    </message>
    <message>
        <source>Choose a teacher (a fine-tuned classifier, or the open model), the training data and how the student starts, then press Start. The loss of every component and the student&apos;s validation score against the teacher&apos;s appear here live.</source>
        <translation>Choisissez un enseignant (un classifieur affiné ou le modèle ouvert), les données d&apos;entraînement et le départ de l&apos;élève, puis appuyez sur Lancer. La perte de chaque composante et le score de validation de l&apos;élève face à celui de l&apos;enseignant s&apos;affichent ici en direct.</translation>
    </message>
    <message>
        <source>Use the Open Model as Teacher</source>
        <translation>Utiliser le modèle ouvert comme enseignant</translation>
    </message>
    <message>
        <source>The report (teacher vs student: quality, size, measured speed) appears when the run ends.</source>
        <translation>Le rapport (enseignant contre élève : qualité, taille, vitesse mesurée) apparaît à la fin de l&apos;exécution.</translation>
    </message>
    <message>
        <source>Export Report…</source>
        <translation>Exporter le rapport…</translation>
    </message>
    <message>
        <source>Distill</source>
        <translation>Distiller</translation>
    </message>
    <message>
        <source>Open a model first (File &gt; Open Model).</source>
        <translation>Ouvrez d&apos;abord un modèle (Fichier &gt; Ouvrir un modèle).</translation>
    </message>
    <message>
        <source>Distillation run to resume</source>
        <translation>Exécution de distillation à reprendre</translation>
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
        <translation>Choisissez d&apos;abord un enseignant et les données d&apos;entraînement.</translation>
    </message>
    <message>
        <source>choose the teacher layers for the student</source>
        <translation>choisissez les couches de l&apos;enseignant pour l&apos;élève</translation>
    </message>
    <message>
        <source>Resuming distillation</source>
        <translation>Reprise de la distillation</translation>
    </message>
    <message>
        <source>Distilling</source>
        <translation>Distillation</translation>
    </message>
    <message>
        <source>Loading the teacher, reading data and scoring the teacher…</source>
        <translation>Chargement de l&apos;enseignant, lecture des données et évaluation de l&apos;enseignant…</translation>
    </message>
    <message>
        <source>Finished. The student is in %1/best.</source>
        <translation>Terminé. L&apos;élève se trouve dans %1/best.</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json);;HTML (*.html)</source>
        <translation>Markdown (*.md);;JSON (*.json);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Compare on the Evaluate Page</source>
        <translation>Comparer dans la page Évaluer</translation>
    </message>
    <message>
        <source>Teacher and student side by side on the run&apos;s validation data: every metric and both confusion matrices</source>
        <translation>Enseignant et élève côte à côte sur les données de validation de l&apos;exécution : toutes les métriques et les deux matrices de confusion</translation>
    </message>
    <message>
        <source>optional: a share of the training data otherwise</source>
        <translation>facultatif : sinon une part des données d&apos;entraînement</translation>
    </message>
</context>
<context>
    <name>EvaluatePage</name>
    <message>
        <source>Nothing to evaluate yet</source>
        <translation>Rien à évaluer pour l&apos;instant</translation>
    </message>
    <message>
        <source>Open a classification model on the Models page (or use the demo), then pick a labelled dataset here to see its metrics and confusion matrix.</source>
        <translation>Ouvrez un modèle de classification dans la page Modèles (ou utilisez la démo), puis choisissez ici un jeu de données étiqueté pour voir ses métriques et sa matrice de confusion.</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Utiliser le modèle de démonstration</translation>
    </message>
    <message>
        <source>Run folder</source>
        <translation>Dossier d&apos;exécution</translation>
    </message>
    <message>
        <source>Evaluate a Training Run…</source>
        <translation>Évaluer une exécution d&apos;entraînement…</translation>
    </message>
    <message>
        <source>The run&apos;s best model on the validation data it held out</source>
        <translation>Le meilleur modèle de l&apos;exécution sur les données de validation mises de côté</translation>
    </message>
    <message>
        <source>Labelled data: CSV, TSV, JSON Lines or JSON with text and label columns</source>
        <translation>Données étiquetées : CSV, TSV, JSON Lines ou JSON avec des colonnes texte et étiquette</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Predictions as CSV, or the confusion matrix as PNG/SVG/PDF</source>
        <translation>Prédictions en CSV, ou la matrice de confusion en PNG/SVG/PDF</translation>
    </message>
    <message>
        <source>Evaluate a Run…</source>
        <translation>Évaluer une exécution…</translation>
    </message>
    <message>
        <source>One click: a training run&apos;s best model on the validation set the run held out</source>
        <translation>En un clic : le meilleur modèle d&apos;une exécution sur le jeu de validation qu&apos;elle a mis de côté</translation>
    </message>
    <message>
        <source>the open model</source>
        <translation>le modèle ouvert</translation>
    </message>
    <message>
        <source>Model to evaluate: empty for the model open in the workspace, or a model folder</source>
        <translation>Modèle à évaluer : vide pour le modèle ouvert dans l&apos;espace de travail, ou un dossier de modèle</translation>
    </message>
    <message>
        <source>optional: a second model (e.g. the student of a teacher)</source>
        <translation>facultatif : un second modèle (par ex. l&apos;élève d&apos;un enseignant)</translation>
    </message>
    <message>
        <source>Evaluated on the same data and shown side by side on the Comparison tab</source>
        <translation>Évalué sur les mêmes données et affiché côte à côte dans l&apos;onglet Comparaison</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Dossier du modèle</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Comparer avec :</translation>
    </message>
    <message>
        <source>Binary tasks: the probability of the second label from which it is predicted; multi-label tasks: the probability from which each label is predicted. Moving it trades precision against recall.</source>
        <translation>Tâches binaires : la probabilité de la seconde étiquette à partir de laquelle elle est prédite ; tâches multi-étiquettes : la probabilité à partir de laquelle chaque étiquette est prédite. Le déplacer échange précision contre rappel.</translation>
    </message>
    <message>
        <source>threshold 0.50</source>
        <translation>seuil 0,50</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Effectifs</translation>
    </message>
    <message>
        <source>Normalised by true label (recall)</source>
        <translation>Normalisé par étiquette réelle (rappel)</translation>
    </message>
    <message>
        <source>Normalised by prediction (precision)</source>
        <translation>Normalisé par prédiction (précision)</translation>
    </message>
    <message>
        <source>Click a cell to list its examples</source>
        <translation>Cliquez sur une case pour lister ses exemples</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Prédit</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matrice de confusion</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>Courbe ROC</translation>
    </message>
    <message>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>taux de faux positifs</translation>
    </message>
    <message>
        <source>true positive rate</source>
        <translation>taux de vrais positifs</translation>
    </message>
    <message>
        <source>Precision-recall curve</source>
        <translation>Courbe précision-rappel</translation>
    </message>
    <message>
        <source>precision-recall</source>
        <translation>précision-rappel</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>rappel</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>précision</translation>
    </message>
    <message>
        <source>Precision-recall</source>
        <translation>Précision-rappel</translation>
    </message>
    <message>
        <source>Set a second model under “Compare with” and evaluate: both are scored on the same data.</source>
        <translation>Indiquez un second modèle sous « Comparer avec » et évaluez : les deux sont notés sur les mêmes données.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>Labelled data</source>
        <translation>Données étiquetées</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation>Données (*.csv *.tsv *.jsonl *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Predictions (*.csv);;</source>
        <translation>Prédictions (*.csv);;</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Evaluating run %1</source>
        <translation>Évaluation de l&apos;exécution %1</translation>
    </message>
    <message>
        <source>Evaluating on %1</source>
        <translation>Évaluation sur %1</translation>
    </message>
    <message>
        <source>open model</source>
        <translation>modèle ouvert</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>seuil %1</translation>
    </message>
    <message>
        <source>%1 and %2 on the same %3 examples</source>
        <translation>%1 et %2 sur les mêmes %3 exemples</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrique</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Type d&apos;entité</translation>
    </message>
    <message>
        <source>%1 sentences · entity precision %2 · recall %3 · F1 %4</source>
        <translation>%1 phrases · précision des entités %2 · rappel %3 · F1 %4</translation>
    </message>
    <message>
        <source>all entities (micro)</source>
        <translation>toutes les entités (micro)</translation>
    </message>
    <message>
        <source>%1 examples · subset accuracy %2 · micro F1 %3 · macro F1 %4 · Hamming loss %5</source>
        <translation>%1 exemples · exactitude de sous-ensemble %2 · F1 micro %3 · F1 macro %4 · perte de Hamming %5</translation>
    </message>
    <message>
        <source>%1 examples · %2</source>
        <translation>%1 exemples · %2</translation>
    </message>
    <message>
        <source>%1 examples · accuracy %2 · macro F1 %3 · MCC %4%5</source>
        <translation>%1 exemples · exactitude %2 · F1 macro %3 · MCC %4%5</translation>
    </message>
    <message>
        <source> · ROC-AUC %1</source>
        <translation> · ROC-AUC %1</translation>
    </message>
    <message>
        <source>macro average</source>
        <translation>moyenne macro</translation>
    </message>
    <message>
        <source>weighted average</source>
        <translation>moyenne pondérée</translation>
    </message>
    <message>
        <source>micro average</source>
        <translation>moyenne micro</translation>
    </message>
    <message>
        <source>Comparing with run %1</source>
        <translation>Comparaison avec l&apos;exécution %1</translation>
    </message>
    <message>
        <source>The data&apos;s labels are not the model&apos;s. Choose the model label each one means, then press Evaluate again.</source>
        <translation>Les étiquettes des données ne sont pas celles du modèle. Choisissez l’étiquette du modèle que chacune signifie, puis relancez l’évaluation.</translation>
    </message>
    <message>
        <source>Label in the data</source>
        <translation>Étiquette dans les données</translation>
    </message>
    <message>
        <source>Model label</source>
        <translation>Étiquette du modèle</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Mots</translation>
    </message>
    <message>
        <source>Double-click an example to try it in the Playground; click a column to sort (the most confident errors come first)</source>
        <translation>Double-cliquez sur un exemple pour l&apos;essayer dans le Playground ; cliquez sur une colonne pour trier (les erreurs les plus sûres d&apos;abord)</translation>
    </message>
    <message>
        <source>Filter the examples by text</source>
        <translation>Filtrer les exemples par texte</translation>
    </message>
    <message>
        <source>Evaluate a classifier to see how well its confidence matches its accuracy.</source>
        <translation>Évaluez un classifieur pour voir si sa confiance correspond à sa précision.</translation>
    </message>
    <message>
        <source>Expected calibration error: the gap between confidence and accuracy, averaged over confidence bins. Temperature scaling divides the logits by T (fitted on this data).</source>
        <translation>Erreur de calibration attendue : l&apos;écart entre confiance et exactitude, moyenné sur des intervalles de confiance. Le temperature scaling divise les logits par T (ajusté sur ces données).</translation>
    </message>
    <message>
        <source>Reliability diagram</source>
        <translation>Diagramme de fiabilité</translation>
    </message>
    <message>
        <source>perfect calibration</source>
        <translation>calibration parfaite</translation>
    </message>
    <message>
        <source>accuracy per confidence bin</source>
        <translation>exactitude par intervalle de confiance</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confiance</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <source>Expected calibration error %1 (worst bin %2) · Brier score %3 · temperature scaling with T = %4 would bring the error to %5.</source>
        <translation>Erreur de calibration attendue %1 (pire intervalle %2) · score de Brier %3 · un temperature scaling avec T = %4 ramènerait l&apos;erreur à %5.</translation>
    </message>
    <message>
        <source>Save Temperature…</source>
        <translation>Enregistrer la température…</translation>
    </message>
    <message>
        <source>Store the fitted temperature in the model&apos;s config.json: DistilBench then divides the logits by it before the softmax, so its confidences match its accuracy (transformers ignores the key)</source>
        <translation>Enregistrer la température ajustée dans le config.json du modèle : DistilBench divise alors les logits par elle avant le softmax, pour que ses confiances correspondent à son exactitude (transformers ignore la clé)</translation>
    </message>
    <message>
        <source>The model already applies T = %1 (saved in its config).</source>
        <translation>Le modèle applique déjà T = %1 (enregistrée dans sa configuration).</translation>
    </message>
    <message>
        <source>Save Temperature</source>
        <translation>Enregistrer la température</translation>
    </message>
    <message>
        <source>Write temperature %1 into %2? DistilBench will divide this model&apos;s logits by it before the softmax; transformers ignores the key.</source>
        <translation>Écrire la température %1 dans %2 ? DistilBench divisera les logits de ce modèle par elle avant le softmax ; transformers ignore la clé.</translation>
    </message>
    <message>
        <source>after temperature scaling</source>
        <translation>après mise à l&apos;échelle par température</translation>
    </message>
    <message>
        <source>share of examples per bin</source>
        <translation>part des exemples par intervalle</translation>
    </message>
    <message>
        <source>Read in chunks</source>
        <translation>Lire par blocs</translation>
    </message>
    <message>
        <source>For files too large to hold: the data is read a few thousand rows at a time and memory stays the same for any length. The metrics and the confusion matrix are exact; ROC-AUC is binned (with its error bound), and the example lists, curves, threshold slider and temperature fit are left out (distilbench-cli evaluate --stream --predictions writes each example&apos;s prediction as it reads).</source>
        <translation>Pour les fichiers trop grands pour la mémoire : les données sont lues quelques milliers de lignes à la fois et la mémoire reste la même quelle que soit la longueur. Les métriques et la matrice de confusion sont exactes ; la ROC-AUC est calculée par classes (avec sa borne d&apos;erreur), et les listes d&apos;exemples, les courbes, le curseur de seuil et l&apos;ajustement de température sont omis (distilbench-cli evaluate --stream --predictions écrit la prédiction de chaque exemple au fil de la lecture).</translation>
    </message>
    <message>
        <source>Read in chunks: the examples, curves and threshold need the data in memory (untick “Read in chunks”).</source>
        <translation>Lu par blocs : les exemples, les courbes et le seuil demandent les données en mémoire (décochez « Lire par blocs »).</translation>
    </message>
    <message>
        <source>Expected calibration error %1 (worst bin %2) · Brier score %3. Read in chunks: fitting a temperature needs the data in memory.</source>
        <translation>Erreur de calibration attendue %1 (pire classe %2) · score de Brier %3. Lu par blocs : ajuster une température demande les données en mémoire.</translation>
    </message>
    <message>
        <source>optional: a new CSV file for every prediction</source>
        <translation>facultatif : un nouveau fichier CSV pour chaque prédiction</translation>
    </message>
    <message>
        <source>Each example&apos;s prediction and probabilities, in file order, written while the data is read; an existing file is not replaced</source>
        <translation>La prédiction et les probabilités de chaque exemple, dans l&apos;ordre du fichier, écrites pendant la lecture des données ; un fichier existant n&apos;est pas remplacé</translation>
    </message>
    <message>
        <source>Predictions to:</source>
        <translation>Prédictions vers :</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Prédictions</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>ROC-AUC from binned scores, exact here (no positive and negative example share a bin).</source>
        <translation>ROC-AUC calculée sur des scores regroupés par classes, exacte ici (aucun exemple positif et négatif ne partage une classe).</translation>
    </message>
    <message>
        <source>ROC-AUC from binned scores, within %1 of the exact value.</source>
        <translation>ROC-AUC calculée sur des scores regroupés par classes, à %1 au plus de la valeur exacte.</translation>
    </message>
    <message>
        <source>Spearman&apos;s correlation needs every prediction at once.</source>
        <translation>La corrélation de Spearman demande toutes les prédictions à la fois.</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>Integrated gradients</source>
        <translation>Gradients intégrés</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>Gradient × entrée</translation>
    </message>
    <message>
        <source>Integrated gradients averages gradients along a path from a [PAD] baseline to the input; its attributions add up to the change in the label&apos;s score. Gradient × input is one backward pass: fast but rougher.</source>
        <translation>Les gradients intégrés moyennent les gradients le long d&apos;un chemin allant d&apos;une référence [PAD] à l&apos;entrée ; leurs attributions s&apos;additionnent pour donner la variation du score de l&apos;étiquette. Gradient × entrée ne demande qu&apos;une passe arrière : rapide mais plus grossier.</translation>
    </message>
    <message>
        <source>steps </source>
        <translation>pas </translation>
    </message>
    <message>
        <source>Points on the integration path: more is more accurate and slower</source>
        <translation>Points sur le chemin d&apos;intégration : plus de points est plus précis et plus lent</translation>
    </message>
    <message>
        <source>The label to explain; the predicted one by default</source>
        <translation>L&apos;étiquette à expliquer ; la prédite par défaut</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>Expliquer :</translation>
    </message>
    <message>
        <source>predicted label</source>
        <translation>étiquette prédite</translation>
    </message>
    <message>
        <source>Attributions are available for sequence-classification models.</source>
        <translation>Les attributions sont disponibles pour les modèles de classification de séquences.</translation>
    </message>
    <message>
        <source>Explaining the prediction</source>
        <translation>Explication de la prédiction</translation>
    </message>
    <message>
        <source>attribution %1</source>
        <translation>attribution %1</translation>
    </message>
    <message>
        <source>Explaining &lt;b&gt;%1&lt;/b&gt; (score %2). Green tokens push towards it, red ones away.</source>
        <translation>Explication de &lt;b&gt;%1&lt;/b&gt; (score %2). Les tokens verts y poussent, les rouges en éloignent.</translation>
    </message>
    <message>
        <source> Completeness: attributions sum to %1; f(x) − f(baseline) = %2 (gap %3).</source>
        <translation> Complétude : les attributions totalisent %1 ; f(x) − f(référence) = %2 (écart %3).</translation>
    </message>
    <message>
        <source>The text changed: press Explain for its attributions.</source>
        <translation>Le texte a changé : appuyez sur Expliquer pour obtenir ses attributions.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Model</source>
        <translation>Exporter le modèle</translation>
    </message>
    <message>
        <source>No model is open.</source>
        <translation>Aucun modèle n&apos;est ouvert.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Hugging Face folder (safetensors)</source>
        <translation>Dossier Hugging Face (safetensors)</translation>
    </message>
    <message>
        <source>Hugging Face folder (pytorch_model.bin)</source>
        <translation>Dossier Hugging Face (pytorch_model.bin)</translation>
    </message>
    <message>
        <source>ONNX</source>
        <translation>ONNX</translation>
    </message>
    <message>
        <source>Hugging Face folders load unchanged with transformers&apos; from_pretrained; ONNX runs in ONNX Runtime</source>
        <translation>Les dossiers Hugging Face se chargent tels quels avec from_pretrained de transformers ; ONNX s&apos;exécute dans ONNX Runtime</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>float32 (exact)</source>
        <translation>float32 (exact)</translation>
    </message>
    <message>
        <source>float16 (half the size)</source>
        <translation>float16 (moitié de la taille)</translation>
    </message>
    <message>
        <source>bfloat16 (half the size, float32&apos;s range)</source>
        <translation>bfloat16 (moitié de la taille, plage de float32)</translation>
    </message>
    <message>
        <source>Weights:</source>
        <translation>Poids :</translation>
    </message>
    <message>
        <source>Also output attention weights</source>
        <translation>Sortir aussi les poids d&apos;attention</translation>
    </message>
    <message>
        <source>ONNX operator set version; 14 runs on every ONNX Runtime since 1.10</source>
        <translation>Version du jeu d&apos;opérateurs ONNX ; 14 fonctionne avec toute ONNX Runtime depuis la 1.10</translation>
    </message>
    <message>
        <source>ONNX:</source>
        <translation>ONNX :</translation>
    </message>
    <message>
        <source>ONNX opset:</source>
        <translation>Opset ONNX :</translation>
    </message>
    <message>
        <source>Quantization:</source>
        <translation>Quantification :</translation>
    </message>
    <message>
        <source>labelled data to measure the change in quality</source>
        <translation>données étiquetées pour mesurer le changement de qualité</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesurer</translation>
    </message>
    <message>
        <source>Evaluation set:</source>
        <translation>Jeu d&apos;évaluation :</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Enregistrer dans :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Evaluation data</source>
        <translation>Données d&apos;évaluation</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)</source>
        <translation>Données (*.csv *.tsv *.jsonl *.json *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>ONNX file</source>
        <translation>Fichier ONNX</translation>
    </message>
    <message>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Folder to export into</source>
        <translation>Dossier d&apos;exportation</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Choose labelled data to measure on.</source>
        <translation>Choisissez des données étiquetées pour la mesure.</translation>
    </message>
    <message>
        <source>Measuring int8 quality</source>
        <translation>Mesure de la qualité int8</translation>
    </message>
    <message>
        <source>fp32 → int8: %1</source>
        <translation>fp32 → int8 : %1</translation>
    </message>
    <message>
        <source>Open a model and choose where to save it.</source>
        <translation>Ouvrez un modèle et choisissez où l&apos;enregistrer.</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exportation de %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Not exported: %1 %2</source>
        <translation>Non exporté : %1 %2</translation>
    </message>
    <message>
        <source>Replace the previous export?</source>
        <translation>Remplacer l’export précédent ?</translation>
    </message>
    <message>
        <source>%1 already holds an export. Replace its files with this export?</source>
        <translation>%1 contient déjà un export. Remplacer ses fichiers par cet export ?</translation>
    </message>
    <message>
        <source>Not exported: %1 was left as it is.</source>
        <translation>Non exporté : %1 est resté tel quel.</translation>
    </message>
    <message>
        <source>int8 inference of the Linear layers</source>
        <translation>Inférence int8 des couches Linear</translation>
    </message>
    <message>
        <source>Dynamic quantization: weights in int8 per output channel, activations quantized per batch; faster on CPUs, usually a small change in quality: measure it first. A folder is quantized when DistilBench loads it (transformers runs it in float32); an ONNX file holds the int8 weights and products itself, for ONNX Runtime.</source>
        <translation>Quantification dynamique : poids en int8 par canal de sortie, activations quantifiées par lot ; plus rapide sur CPU, en général un petit changement de qualité : mesurez-le d&apos;abord. Un dossier est quantifié quand DistilBench le charge (transformers l&apos;exécute en float32) ; un fichier ONNX contient lui-même les poids et produits int8, pour ONNX Runtime.</translation>
    </message>
    <message>
        <source>optional: data to calibrate static int8 on (empty: dynamic int8)</source>
        <translation>facultatif : données pour calibrer l&apos;int8 statique (vide : int8 dynamique)</translation>
    </message>
    <message>
        <source>Static int8: the activation ranges of every Linear layer are measured once on the first %1 texts of this file (labelled data or a .txt with one text per line) and fixed, instead of measured on every call. An ONNX export writes them as QuantizeLinear/DequantizeLinear pairs.</source>
        <translation>Int8 statique : les plages d&apos;activation de chaque couche Linear sont mesurées une fois sur les %1 premiers textes de ce fichier (données étiquetées ou un .txt avec un texte par ligne) puis fixées, au lieu d&apos;être mesurées à chaque appel. Un export ONNX les écrit sous forme de paires QuantizeLinear/DequantizeLinear.</translation>
    </message>
    <message>
        <source>Calibration set:</source>
        <translation>Données de calibration :</translation>
    </message>
    <message>
        <source>Calibration data</source>
        <translation>Données de calibration</translation>
    </message>
    <message>
        <source>fp32 → static int8: %1</source>
        <translation>fp32 → int8 statique : %1</translation>
    </message>
    <message>
        <source>7-bit weights, exact on CPUs without VNNI</source>
        <translation>Poids sur 7 bits, exacts sur les processeurs sans VNNI</translation>
    </message>
    <message>
        <source>CPUs without VNNI (AVX2 only, such as Zen 3 or Intel before Ice Lake) add pairs of int8 products in 16 bits, which 8-bit weights can overflow, in ONNX Runtime as in DistilBench. 7-bit weights cannot; they cost a little precision. Tick it for an ONNX file or folder meant for such CPUs.</source>
        <translation>Les processeurs sans VNNI (AVX2 seulement, comme Zen 3 ou Intel avant Ice Lake) additionnent les produits int8 par paires sur 16 bits, que des poids sur 8 bits peuvent faire déborder, dans ONNX Runtime comme dans DistilBench. Des poids sur 7 bits ne le peuvent pas ; ils coûtent un peu de précision. À cocher pour un fichier ONNX ou un dossier destiné à ces processeurs.</translation>
    </message>
    <message>
        <source>This CPU has no VNNI: its int8 products add pairs of products in 16 bits, which 8-bit weights could overflow, so its int8 weights always have 7 bits.</source>
        <translation>Ce processeur n’a pas VNNI : ses produits int8 additionnent les produits par paires sur 16 bits, que des poids sur 8 bits pourraient faire déborder ; ses poids int8 ont donc toujours 7 bits.</translation>
    </message>
    <message>
        <source>Saved %1 in %2: %3</source>
        <translation>%1 enregistrés en %2 : %3</translation>
    </message>
</context>
<context>
    <name>JobProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop this job; work already saved is kept</source>
        <translation>Arrêter cette tâche ; ce qui est déjà enregistré est conservé</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>encore %1</translation>
    </message>
</context>
<context>
    <name>LayerMappingView</name>
    <message numerus="yes">
        <source>The student (%n layer(s)) starts from its own weights.</source>
        <translation>
            <numerusform>L&apos;élève (%n couche) part de ses propres poids.</numerusform>
            <numerusform>L&apos;élève (%n couches) part de ses propres poids.</numerusform>
        </translation>
    </message>
    <message>
        <source>student %1 ← teacher %2</source>
        <translation>élève %1 ← enseignant %2</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>plongements</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>couche %1</translation>
    </message>
</context>
<context>
    <name>LengthHistogram</name>
    <message>
        <source>tokens per example</source>
        <translation>tokens par exemple</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>exemples</translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source> (smoothed)</source>
        <translation> (lissé)</translation>
    </message>
    <message>
        <source>Log Scale</source>
        <translation>Échelle logarithmique</translation>
    </message>
    <message>
        <source>Reset View</source>
        <translation>Réinitialiser la vue</translation>
    </message>
    <message>
        <source>%1: x = %2, y = %3</source>
        <translation>%1 : x = %2, y = %3</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Model Folder…</source>
        <translation>&amp;Ouvrir un dossier de modèle…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Ouvrir un dossier de modèle Hugging Face</translation>
    </message>
    <message>
        <source>Open a folder with config.json and model.safetensors or pytorch_model.bin</source>
        <translation>Ouvrir un dossier contenant config.json et model.safetensors ou pytorch_model.bin</translation>
    </message>
    <message>
        <source>Open &amp;File…</source>
        <translation>Ouvrir un &amp;fichier…</translation>
    </message>
    <message>
        <source>Open a model or tokenizer file</source>
        <translation>Ouvrir un fichier de modèle ou de tokenizer</translation>
    </message>
    <message>
        <source>Models and tokenizers (*.safetensors *.bin *.json *.txt *.model);;All files (*)</source>
        <translation>Modèles et tokenizers (*.safetensors *.bin *.json *.txt *.model);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouverts &amp;récemment</translation>
    </message>
    <message>
        <source>&amp;Export Model…</source>
        <translation>&amp;Exporter le modèle…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save the open model for transformers, ONNX Runtime or DistilBench (fp16, bf16, int8)</source>
        <translation>Enregistrer le modèle ouvert pour transformers, ONNX Runtime ou DistilBench (fp16, bf16, int8)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>Next Page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Previous Page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About DistilBench</source>
        <translation>À &amp;propos de DistilBench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>&lt;b&gt;Slow BLAS in use.&lt;/b&gt; LibTorch is running on the reference BLAS (%1), which is about 60× slower than OpenBLAS. Install &lt;code&gt;libopenblas0-openmp&lt;/code&gt; and select it with &lt;code&gt;update-alternatives --config libblas.so.3-x86_64-linux-gnu&lt;/code&gt;, or run &lt;code&gt;packaging/setup-deps.sh&lt;/code&gt;.</source>
        <translation>&lt;b&gt;BLAS lent utilisé.&lt;/b&gt; LibTorch tourne sur le BLAS de référence (%1), environ 60× plus lent qu&apos;OpenBLAS. Installez &lt;code&gt;libopenblas0-openmp&lt;/code&gt; et sélectionnez-le avec &lt;code&gt;update-alternatives --config libblas.so.3-x86_64-linux-gnu&lt;/code&gt;, ou lancez &lt;code&gt;packaging/setup-deps.sh&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Périphérique : %1</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Threads: %1</source>
        <translation>Threads : %1</translation>
    </message>
    <message>
        <source>LibTorch intra-op threads (the machine has %1 cores)</source>
        <translation>Threads intra-opération de LibTorch (la machine a %1 cœurs)</translation>
    </message>
    <message>
        <source>BLAS: %1</source>
        <translation>BLAS : %1</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Mémoire : %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Cancel them and quit?</source>
        <translation>
            <numerusform>%n tâche est encore en cours. L&apos;annuler et quitter ?</numerusform>
            <numerusform>%n tâches sont encore en cours. Les annuler et quitter ?</numerusform>
        </translation>
    </message>
    <message>
        <source>The language changes the next time DistilBench starts.</source>
        <translation>La langue change au prochain démarrage de DistilBench.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Open Folder…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (Ctrl+O)</source>
        <translation>Ouvrir un dossier de modèle Hugging Face (Ctrl+O)</translation>
    </message>
    <message>
        <source>New from Preset…</source>
        <translation>Nouveau depuis un préréglage…</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>Aucun modèle ouvert</translation>
    </message>
    <message>
        <source>Open Model Folder…</source>
        <translation>Ouvrir un dossier de modèle…</translation>
    </message>
    <message>
        <source>New Model from Preset…</source>
        <translation>Nouveau modèle depuis un préréglage…</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Utiliser le modèle de démonstration</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hugging Face cache&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cache Hugging Face&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Models downloaded by transformers ($HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub). Double-click to open.</source>
        <translation>Modèles téléchargés par transformers ($HF_HUB_CACHE, $HF_HOME/hub ou ~/.cache/huggingface/hub). Double-cliquez pour ouvrir.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent&lt;/b&gt;</source>
        <translation>&lt;b&gt;Récents&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Ouvrir un dossier de modèle Hugging Face</translation>
    </message>
    <message>
        <source>Scanning the Hugging Face cache</source>
        <translation>Analyse du cache Hugging Face</translation>
    </message>
    <message>
        <source>No cached models found</source>
        <translation>Aucun modèle trouvé dans le cache</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;%2&lt;/p&gt;</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;&lt;p&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Transformer blocks stacked on the embeddings</source>
        <translation>Blocs transformeurs empilés sur les plongements</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Têtes d&apos;attention</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>Taille cachée</translation>
    </message>
    <message>
        <source>Feed-forward size</source>
        <translation>Taille du feed-forward</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulaire</translation>
    </message>
    <message>
        <source>Max positions</source>
        <translation>Positions maximales</translation>
    </message>
    <message>
        <source>Longest input in tokens</source>
        <translation>Entrée la plus longue en tokens</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Taille sur le disque</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>pas encore enregistré</translation>
    </message>
    <message>
        <source>Size in memory</source>
        <translation>Taille en mémoire</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Loaded in</source>
        <translation>Chargé en</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>%1, %2 tokens</source>
        <translation>%1, %2 tokens</translation>
    </message>
    <message>
        <source>none found in the folder</source>
        <translation>aucun trouvé dans le dossier</translation>
    </message>
    <message>
        <source>Missing weights</source>
        <translation>Poids manquants</translation>
    </message>
    <message>
        <source>Not in the file: freshly initialised (train before use)</source>
        <translation>Absents du fichier : initialisés à neuf (entraînez avant usage)</translation>
    </message>
    <message>
        <source>Unused weights</source>
        <translation>Poids inutilisés</translation>
    </message>
    <message>
        <source>In the file but not part of this architecture</source>
        <translation>Dans le fichier mais pas dans cette architecture</translation>
    </message>
    <message>
        <source>Tied weights restored</source>
        <translation>Poids liés restaurés</translation>
    </message>
    <message>
        <source>Shared with the word embeddings, as the model defines</source>
        <translation>Partagés avec les plongements de mots, comme le modèle le définit</translation>
    </message>
    <message>
        <source>New model from preset</source>
        <translation>Nouveau modèle depuis un préréglage</translation>
    </message>
    <message>
        <source>distilbert-small and -tiny train in minutes on a laptop CPU</source>
        <translation>distilbert-small et -tiny s&apos;entraînent en quelques minutes sur le CPU d&apos;un portable</translation>
    </message>
    <message>
        <source>Sequence classification</source>
        <translation>Classification de séquences</translation>
    </message>
    <message>
        <source>Token classification (NER)</source>
        <translation>Classification de tokens (NER)</translation>
    </message>
    <message>
        <source>Question answering</source>
        <translation>Questions-réponses</translation>
    </message>
    <message>
        <source>Masked language model</source>
        <translation>Modèle de langue masqué</translation>
    </message>
    <message>
        <source>Number of classes; 1 means regression</source>
        <translation>Nombre de classes ; 1 signifie régression</translation>
    </message>
    <message>
        <source>vocab.txt, tokenizer.json or a folder; the bundled bert-base-uncased vocabulary by default</source>
        <translation>vocab.txt, tokenizer.json ou un dossier ; par défaut le vocabulaire bert-base-uncased fourni</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Tokenizers (*.txt *.json *.model)</source>
        <translation>Tokenizers (*.txt *.json *.model)</translation>
    </message>
    <message>
        <source>Shape:</source>
        <translation>Forme :</translation>
    </message>
    <message>
        <source>Task head:</source>
        <translation>Tête de tâche :</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>Tokenizer :</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inférence</translation>
    </message>
    <message>
        <source>int8 (Linear layers, dynamic quantization)</source>
        <translation>int8 (couches Linear, quantification dynamique)</translation>
    </message>
    <message>
        <source>Exported with int8 quantization: DistilBench runs the Linear layers in int8</source>
        <translation>Exporté avec quantification int8 : DistilBench exécute les couches Linear en int8</translation>
    </message>
    <message>
        <source>A new, randomly initialised model of a standard shape (any family), to train from scratch</source>
        <translation>Un nouveau modèle initialisé au hasard, de forme standard (toute famille), à entraîner de zéro</translation>
    </message>
    <message>
        <source>Open a model folder, search the Hugging Face Hub or pick one from your cache on the right, or create a new model from a preset.</source>
        <translation>Ouvrez un dossier de modèle, cherchez dans le Hub Hugging Face ou choisissez-en un dans votre cache à droite, ou créez un nouveau modèle à partir d&apos;un préréglage.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hugging Face Hub&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hub Hugging Face&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Search the Hub, or type org/name</source>
        <translation>Chercher dans le Hub, ou saisir org/nom</translation>
    </message>
    <message>
        <source>Any task</source>
        <translation>Toute tâche</translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation>Classification de texte</translation>
    </message>
    <message>
        <source>Token classification</source>
        <translation>Classification de jetons</translation>
    </message>
    <message>
        <source>Fill mask</source>
        <translation>Remplir le masque</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>J&apos;aime</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Greyed models are of a kind DistilBench does not compute (the reason is in their tooltip). Double-click to download and open.</source>
        <translation>Les modèles grisés sont d&apos;un type que DistilBench ne calcule pas (la raison est dans leur infobulle). Double-cliquez pour télécharger et ouvrir.</translation>
    </message>
    <message>
        <source>Download and Open</source>
        <translation>Télécharger et ouvrir</translation>
    </message>
    <message>
        <source>Download the model&apos;s files into the shared Hugging Face cache (resumable; Cancel in the jobs panel) and open it</source>
        <translation>Télécharger les fichiers du modèle dans le cache Hugging Face partagé (reprise possible ; Annuler dans le panneau des tâches) et l&apos;ouvrir</translation>
    </message>
    <message>
        <source>Searching the Hugging Face Hub</source>
        <translation>Recherche dans le Hub Hugging Face</translation>
    </message>
    <message>
        <source>licence %1</source>
        <translation>licence %1</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Rien trouvé</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Téléchargement de %1</translation>
    </message>
    <message>
        <source>Delete from Cache</source>
        <translation>Supprimer du cache</translation>
    </message>
    <message>
        <source>Delete from Cache…</source>
        <translation>Supprimer du cache…</translation>
    </message>
    <message>
        <source>Delete %1 and its files from the Hugging Face cache (%2)? Python&apos;s transformers would download it again.</source>
        <translation>Supprimer %1 et ses fichiers du cache Hugging Face (%2) ? transformers (Python) le téléchargerait de nouveau.</translation>
    </message>
    <message>
        <source>Select a model to read its card and file list.</source>
        <translation>Sélectionnez un modèle pour lire sa fiche et la liste de ses fichiers.</translation>
    </message>
    <message>
        <source>Reading %1 on the Hub</source>
        <translation>Lecture de %1 sur le Hub</translation>
    </message>
    <message>
        <source>| File | Size | Downloaded |</source>
        <translation>| Fichier | Taille | Téléchargé |</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Download and Open fetches %1.</source>
        <translation>Télécharger et ouvrir récupère %1.</translation>
    </message>
    <message>
        <source>*This model has no card.*</source>
        <translation>*Ce modèle n&apos;a pas de fiche.*</translation>
    </message>
    <message>
        <source>Any library</source>
        <translation>Toute bibliothèque</translation>
    </message>
    <message>
        <source>int8 (Linear layers, static quantization with calibrated ranges)</source>
        <translation>int8 (couches Linear, quantification statique avec plages calibrées)</translation>
    </message>
    <message>
        <source>Exported with static int8: DistilBench runs the Linear layers in int8 with the activation ranges measured on calibration data</source>
        <translation>Exporté en int8 statique : DistilBench exécute les couches Linear en int8 avec les plages d&apos;activation mesurées sur les données de calibration</translation>
    </message>
    <message>
        <source>; 7-bit weights on this CPU</source>
        <translation> ; poids sur 7 bits sur ce processeur</translation>
    </message>
    <message>
        <source>This CPU has no VNNI: its int8 products add pairs of products in 16 bits, which 8-bit weights could overflow, so the weights are quantized to 7 bits (as ONNX Runtime&apos;s reduce_range does). Accuracy can differ slightly from a CPU with VNNI.</source>
        <translation>Ce processeur n’a pas VNNI : ses produits int8 additionnent les produits par paires sur 16 bits, que des poids sur 8 bits pourraient faire déborder ; les poids sont donc quantifiés sur 7 bits (comme le fait reduce_range d’ONNX Runtime). La précision peut différer légèrement de celle d’un processeur avec VNNI.</translation>
    </message>
    <message>
        <source>; 7-bit weights, as exported</source>
        <translation> ; poids sur 7 bits, comme exportés</translation>
    </message>
    <message>
        <source>Exported with 7-bit int8 weights, which CPUs without VNNI compute exactly (8-bit ones could overflow their int8 products).</source>
        <translation>Exporté avec des poids int8 sur 7 bits, que les processeurs sans VNNI calculent exactement (des poids sur 8 bits pourraient faire déborder leurs produits int8).</translation>
    </message>
</context>
<context>
    <name>OptionForm</name>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json *.txt *.conll);;All files (*)</source>
        <translation>Données (*.csv *.tsv *.jsonl *.json *.txt *.conll);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>Unavailable: this CPU has no native bf16 (AVX512-BF16 or AMX); emulated bf16 would take minutes per step.</source>
        <translation>Indisponible : ce processeur n’a pas de bf16 natif (AVX512-BF16 ou AMX) ; le bf16 émulé prendrait des minutes par étape.</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <source>Nothing to test yet</source>
        <translation>Rien à tester pour l&apos;instant</translation>
    </message>
    <message>
        <source>Open a model on the Models page (or drop a model folder here); then type and watch its predictions change as you write.</source>
        <translation>Ouvrez un modèle dans la page Modèles (ou déposez ici un dossier de modèle), puis tapez et regardez ses prédictions changer au fil de l&apos;écriture.</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Utiliser le modèle de démonstration</translation>
    </message>
    <message>
        <source>Type a sentence…</source>
        <translation>Saisissez une phrase…</translation>
    </message>
    <message>
        <source>Second text (pair / question-answering context)</source>
        <translation>Second texte (paire / contexte des questions-réponses)</translation>
    </message>
    <message>
        <source>Second text: for question answering, the context that holds the answer</source>
        <translation>Second texte : pour les questions-réponses, le contexte qui contient la réponse</translation>
    </message>
    <message>
        <source>Time for tokenization and the forward pass</source>
        <translation>Temps de tokenisation et de passe avant</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entité</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Caractères</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>This is a base model without a task head: it computes hidden states only. Fine-tune it on the Train page to get predictions.</source>
        <translation>C&apos;est un modèle de base sans tête de tâche : il ne calcule que des états cachés. Affinez-le dans la page Entraîner pour obtenir des prédictions.</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Which tokens drive this prediction? (Ctrl+E)</source>
        <translation>Quels tokens déterminent cette prédiction ? (Ctrl+E)</translation>
    </message>
    <message>
        <source>Interactive</source>
        <translation>Interactif</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>A text file with one input per line, or a CSV/TSV with a &apos;sentence&apos; or &apos;text&apos; column</source>
        <translation>Un fichier texte avec une entrée par ligne, ou un CSV/TSV avec une colonne &apos;sentence&apos; ou &apos;text&apos;</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Predict every line (Ctrl+Enter)</source>
        <translation>Prédire chaque ligne (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Paste one input per line</source>
        <translation>Collez une entrée par ligne</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Text or tables (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>Texte ou tableaux (*.txt *.csv *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lecture de %1</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Exporter les prédictions</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source> — &lt;i&gt;no tokenizer in the model folder: open one to type text&lt;/i&gt;</source>
        <translation> — &lt;i&gt;pas de tokenizer dans le dossier du modèle : ouvrez-en un pour saisir du texte&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Question…</source>
        <translation>Question…</translation>
    </message>
    <message>
        <source>Type a sentence with [MASK] in it…</source>
        <translation>Saisissez une phrase contenant [MASK]…</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Prédiction</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b02a37&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b02a37&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 tokens · %2</source>
        <translation>%1 tokens · %2</translation>
    </message>
    <message>
        <source>No answer found in the context.</source>
        <translation>Aucune réponse trouvée dans le contexte.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;score %2 · characters %3–%4 of the context&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;score %2 · caractères %3–%4 du contexte&lt;/p&gt;</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>Type [MASK] where a word should be predicted</source>
        <translation>Tapez [MASK] là où un mot doit être prédit</translation>
    </message>
    <message>
        <source>[MASK] at token %1</source>
        <translation>[MASK] au token %1</translation>
    </message>
    <message numerus="yes">
        <source>Batch prediction (%n inputs)</source>
        <translation>
            <numerusform>Prédiction par lot (%n entrée)</numerusform>
            <numerusform>Prédiction par lot (%n entrées)</numerusform>
        </translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source> · &lt;b&gt;the input has %1 tokens; the model reads the first %2 (its limit)&lt;/b&gt;</source>
        <translation> · &lt;b&gt;l&apos;entrée compte %1 tokens ; le modèle lit les %2 premiers (sa limite)&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ProjectorTab</name>
    <message>
        <source>Texts: labelled data (CSV, TSV, JSONL) or a .txt file</source>
        <translation>Textes : données étiquetées (CSV, TSV, JSONL) ou un fichier .txt</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>optional: a second model beside it</source>
        <translation>facultatif : un second modèle à côté</translation>
    </message>
    <message>
        <source>A second model (the student of a teacher) drawn beside the open one; a selection in either shows in both</source>
        <translation>Un second modèle (l&apos;élève d&apos;un enseignant) dessiné à côté du modèle ouvert ; une sélection dans l&apos;un apparaît dans les deux</translation>
    </message>
    <message>
        <source>last layer</source>
        <translation>dernière couche</translation>
    </message>
    <message>
        <source>layer </source>
        <translation>couche </translation>
    </message>
    <message>
        <source>0 = the embeddings, 1… = a layer&apos;s output</source>
        <translation>0 = les plongements, 1… = la sortie d&apos;une couche</translation>
    </message>
    <message>
        <source>[CLS] vector</source>
        <translation>vecteur [CLS]</translation>
    </message>
    <message>
        <source>Mean of tokens</source>
        <translation>Moyenne des tokens</translation>
    </message>
    <message>
        <source>What stands for a text: the first token&apos;s vector (what the classifier reads) or the mean over its tokens</source>
        <translation>Ce qui représente un texte : le vecteur du premier token (ce que lit le classifieur) ou la moyenne de ses tokens</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>ACP</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>PCA: a linear view of every text, at once. t-SNE: neighbourhoods kept, distances between clusters not; a sample of up to 3000 texts</source>
        <translation>ACP : une vue linéaire de tous les textes à la fois. t-SNE : les voisinages sont conservés, pas les distances entre groupes ; un échantillon de 3000 textes au plus</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>Couleur par étiquette</translation>
    </message>
    <message>
        <source>Colour by prediction</source>
        <translation>Couleur par prédiction</translation>
    </message>
    <message>
        <source>Colour by correctness</source>
        <translation>Couleur par justesse</translation>
    </message>
    <message>
        <source>Colour by confidence</source>
        <translation>Couleur par confiance</translation>
    </message>
    <message>
        <source>Colour by loss</source>
        <translation>Couleur par perte</translation>
    </message>
    <message>
        <source>Colour by length</source>
        <translation>Couleur par longueur</translation>
    </message>
    <message>
        <source>Colour by slice</source>
        <translation>Couleur par tranche</translation>
    </message>
    <message>
        <source>slice, e.g. keyword:not</source>
        <translation>tranche, p. ex. keyword:not</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projeter</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The plot as PNG, SVG or PDF, or the points as CSV</source>
        <translation>Le graphique en PNG, SVG ou PDF, ou les points en CSV</translation>
    </message>
    <message>
        <source>Each text becomes a point: texts the model represents alike lie close together. Pick a file and press Project.</source>
        <translation>Chaque texte devient un point : les textes que le modèle représente de façon semblable sont proches. Choisissez un fichier et appuyez sur Projeter.</translation>
    </message>
    <message>
        <source>Make Slice from Selection</source>
        <translation>Créer une tranche depuis la sélection</translation>
    </message>
    <message>
        <source>Shift+drag on the plot selects points; the selection becomes a slice on the Slices tab</source>
        <translation>Maj+glisser sélectionne des points ; la sélection devient une tranche dans l&apos;onglet Tranches</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Modèle ouvert</translation>
    </message>
    <message>
        <source>Second model</source>
        <translation>Second modèle</translation>
    </message>
    <message>
        <source>label %1 · predicted %2 (%3%)</source>
        <translation>étiquette %1 · prédit %2 (%3 %)</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Textes</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)</source>
        <translation>Données (*.csv *.tsv *.jsonl *.json *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Dossier du modèle</translation>
    </message>
    <message>
        <source>projector selection (%1)</source>
        <translation>sélection du projecteur (%1)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Points (*.csv);;</source>
        <translation>Points (*.csv);;</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Computing embeddings of %1…</source>
        <translation>Calcul des plongements de %1…</translation>
    </message>
    <message>
        <source>Projecting %1</source>
        <translation>Projection de %1</translation>
    </message>
    <message>
        <source>%1 texts · layer %2 · %3-dimensional vectors</source>
        <translation>%1 textes · couche %2 · vecteurs de dimension %3</translation>
    </message>
    <message>
        <source>PCA keeps %1% of the variance</source>
        <translation>l&apos;ACP conserve %1 % de la variance</translation>
    </message>
    <message>
        <source>t-SNE of a sample of %1</source>
        <translation>t-SNE d&apos;un échantillon de %1</translation>
    </message>
    <message>
        <source>no label</source>
        <translation>sans étiquette</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>right</source>
        <translation>juste</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>faux</translation>
    </message>
    <message>
        <source>in the slice</source>
        <translation>dans la tranche</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>reste</translation>
    </message>
    <message>
        <source>first principal component</source>
        <translation>première composante principale</translation>
    </message>
    <message>
        <source>second principal component</source>
        <translation>deuxième composante principale</translation>
    </message>
    <message>
        <source>%1 selected: %2 wrong (%3%)</source>
        <translation>%1 sélectionnés : %2 faux (%3 %)</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 sélectionnés</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Start</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Bac à sable</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <source>Distill</source>
        <translation>Distiller</translation>
    </message>
    <message>
        <source>%1 characters · %2 words · %3 tokens (%4 with special tokens) · [UNK] %5% · %6 tokens per word</source>
        <translation>%1 caractères · %2 mots · %3 tokens (%4 avec les tokens spéciaux) · [UNK] %5 % · %6 tokens par mot</translation>
    </message>
    <message>
        <source> · &lt;b&gt;max_length %1 cuts %2 tokens&lt;/b&gt; (struck through)</source>
        <translation> · &lt;b&gt;max_length %1 coupe %2 tokens&lt;/b&gt; (barrés)</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>tête %1</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>couche %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;: use .png, .svg or .pdf</source>
        <translation>Format inconnu &apos;%1&apos; : utilisez .png, .svg ou .pdf</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Image vectorielle SVG (*.svg);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Exporter la vue</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>piece %1</source>
        <translation>pièce %1</translation>
    </message>
    <message>
        <source>log probability %1</source>
        <translation>log-probabilité %1</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analyser</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>%1 — %2 left</source>
        <translation>%1 — encore %2</translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation>L&apos;exécution s&apos;est arrêtée : %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Paused: press Resume to continue</source>
        <translation>En pause : appuyez sur Reprendre pour continuer</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Repris</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>Annulation après le pas en cours…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>Smoothing of the loss curve (exponential moving average)</source>
        <translation>Lissage de la courbe de perte (moyenne mobile exponentielle)</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Lissage</translation>
    </message>
    <message>
        <source>Export Plots…</source>
        <translation>Exporter les graphiques…</translation>
    </message>
    <message>
        <source>Save the loss plot as PNG, SVG or PDF, with its data as CSV</source>
        <translation>Enregistrer le graphique de perte en PNG, SVG ou PDF, avec ses données en CSV</translation>
    </message>
    <message>
        <source>Loss components</source>
        <translation>Composantes de la perte</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>step</source>
        <translation>pas</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>Validation: student vs teacher</source>
        <translation>Validation : élève contre enseignant</translation>
    </message>
    <message>
        <source>Validation metrics</source>
        <translation>Métriques de validation</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>step %1 · epoch %2 · loss %3 · %4 examples/s</source>
        <translation>pas %1 · époque %2 · perte %3 · %4 exemples/s</translation>
    </message>
    <message>
        <source>teacher %1</source>
        <translation>enseignant %1</translation>
    </message>
    <message>
        <source>student %1</source>
        <translation>élève %1</translation>
    </message>
    <message>
        <source>Stopped. The run can be resumed from %1.</source>
        <translation>Arrêté. L&apos;exécution peut reprendre depuis %1.</translation>
    </message>
    <message>
        <source>The run cannot start:
%1</source>
        <translation>L&apos;entraînement ne peut pas démarrer :
%1</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>par pas</translation>
    </message>
    <message>
        <source>by epoch</source>
        <translation>par époque</translation>
    </message>
    <message>
        <source>by time</source>
        <translation>par durée</translation>
    </message>
    <message>
        <source>What the x axis of the plots counts</source>
        <translation>Ce que compte l&apos;axe des x des graphiques</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
</context>
<context>
    <name>ScatterPlot</name>
    <message>
        <source>Wheel zooms, drag pans, Shift+drag selects, double-click resets the view</source>
        <translation>La molette zoome, glisser déplace, Maj+glisser sélectionne, double-clic réinitialise la vue</translation>
    </message>
    <message>
        <source>selected (%1)</source>
        <translation>sélectionnés (%1)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>One per core (%1)</source>
        <translation>Un par cœur (%1)</translation>
    </message>
    <message>
        <source>Threads LibTorch uses for matrix work. More threads speed up large batches; one per physical core is usually best.</source>
        <translation>Threads qu&apos;utilise LibTorch pour le calcul matriciel. Plus de threads accélèrent les gros lots ; un par cœur physique est en général le meilleur choix.</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU %1</source>
        <translation>GPU CUDA %1</translation>
    </message>
    <message>
        <source>Where models run.</source>
        <translation>Où les modèles s&apos;exécutent.</translation>
    </message>
    <message>
        <source>This LibTorch build has no CUDA support, so models run on the CPU.</source>
        <translation>Cette version de LibTorch n&apos;a pas CUDA : les modèles s&apos;exécutent sur le CPU.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Périphérique :</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème :</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect the next time DistilBench starts.</source>
        <translation>Prend effet au prochain démarrage de DistilBench.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>hf_… (for gated and private models)</source>
        <translation>hf_… (pour les modèles protégés et privés)</translation>
    </message>
    <message>
        <source>Hugging Face &amp;token:</source>
        <translation>&amp;Jeton Hugging Face :</translation>
    </message>
    <message>
        <source>Remove the Hugging Face token file %1? Python&apos;s huggingface_hub uses it too.</source>
        <translation>Supprimer le fichier de jeton Hugging Face %1 ? huggingface_hub (Python) l&apos;utilise aussi.</translation>
    </message>
    <message>
        <source>Replace the Hugging Face token in %1? Python&apos;s huggingface_hub uses it too.</source>
        <translation>Remplacer le jeton Hugging Face dans %1 ? huggingface_hub (Python) l&apos;utilise aussi.</translation>
    </message>
    <message>
        <source>Sent to the Hub for gated and private models; empty removes it.</source>
        <translation>Envoyé au Hub pour les modèles protégés et privés ; vide, il est supprimé.</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>Trousseau du système</translation>
    </message>
    <message>
        <source>System keychain (none running)</source>
        <translation>Trousseau du système (aucun actif)</translation>
    </message>
    <message>
        <source>Token file, shared with huggingface-cli</source>
        <translation>Fichier de jeton, partagé avec huggingface-cli</translation>
    </message>
    <message>
        <source>The keychain keeps the token encrypted with your login; the file (%1) is readable only by you and is where Python&apos;s huggingface_hub looks.</source>
        <translation>Le trousseau garde le jeton chiffré avec votre session ; le fichier (%1) n&apos;est lisible que par vous et c&apos;est là que cherche huggingface_hub (Python).</translation>
    </message>
    <message>
        <source>Store the token &amp;in:</source>
        <translation>Enregistrer le jeton &amp;dans :</translation>
    </message>
    <message>
        <source>HF_TOKEN is set in the environment and is used instead of anything stored here.</source>
        <translation>HF_TOKEN est défini dans l&apos;environnement et remplace tout ce qui est enregistré ici.</translation>
    </message>
    <message>
        <source>The token in use comes from the system keychain.</source>
        <translation>Le jeton utilisé vient du trousseau du système.</translation>
    </message>
    <message>
        <source>The token in use comes from %1.</source>
        <translation>Le jeton utilisé vient de %1.</translation>
    </message>
    <message>
        <source>No token is stored.</source>
        <translation>Aucun jeton n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Keychain: %1.</source>
        <translation>Trousseau : %1.</translation>
    </message>
</context>
<context>
    <name>SlicesTab</name>
    <message>
        <source>Labelled data: CSV, TSV, JSON Lines or JSON</source>
        <translation>Données étiquetées : CSV, TSV, JSON Lines ou JSON</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Compute Slices</source>
        <translation>Calculer les tranches</translation>
    </message>
    <message>
        <source>Evaluate the open model on the data and score every slice</source>
        <translation>Évaluer le modèle ouvert sur les données et noter chaque tranche</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The slice table as CSV</source>
        <translation>Le tableau des tranches en CSV</translation>
    </message>
    <message>
        <source>One slice per line: keyword:not · regex:\bbut\b · length:0-10 · label:positive · predicted:negative · column:source=web</source>
        <translation>Une tranche par ligne : keyword:not · regex:\bbut\b · length:0-10 · label:positive · predicted:negative · column:source=web</translation>
    </message>
    <message>
        <source>Automatic slices</source>
        <translation>Tranches automatiques</translation>
    </message>
    <message>
        <source>Length quartiles, each label, and texts with negation, contrast, questions, exclamations or numbers</source>
        <translation>Quartiles de longueur, chaque étiquette, et les textes avec négation, opposition, questions, exclamations ou nombres</translation>
    </message>
    <message>
        <source>Slices show where the model is weaker than on the whole set: pick labelled data and press Compute Slices.</source>
        <translation>Les tranches montrent où le modèle est plus faible que sur l&apos;ensemble : choisissez des données étiquetées et appuyez sur Calculer les tranches.</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>intervalle à 95 %</translation>
    </message>
    <message>
        <source>vs all</source>
        <translation>vs tout</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>F1 macro</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Wilson score interval: where the slice&apos;s true accuracy lies with 95% confidence; small slices have wide intervals</source>
        <translation>Intervalle de Wilson : où se trouve l&apos;exactitude réelle de la tranche avec 95 % de confiance ; les petites tranches ont de larges intervalles</translation>
    </message>
    <message>
        <source>The slice&apos;s accuracy minus the whole set&apos;s, in points</source>
        <translation>L&apos;exactitude de la tranche moins celle de l&apos;ensemble, en points</translation>
    </message>
    <message>
        <source>Mean probability of the predicted label</source>
        <translation>Probabilité moyenne de l&apos;étiquette prédite</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Prédit</translation>
    </message>
    <message>
        <source>Errors first; double-click an example to open it in the Playground</source>
        <translation>Erreurs d&apos;abord ; double-cliquez sur un exemple pour l&apos;ouvrir dans le bac à sable</translation>
    </message>
    <message>
        <source>Labelled data</source>
        <translation>Données étiquetées</translation>
    </message>
    <message>
        <source>Data (*.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation>Données (*.csv *.tsv *.jsonl *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Evaluating on %1…</source>
        <translation>Évaluation sur %1…</translation>
    </message>
    <message>
        <source>Slices of %1</source>
        <translation>Tranches de %1</translation>
    </message>
    <message>
        <source>%1 examples, accuracy %2 · %3 of %4 slices are clearly worse (their whole interval lies under it)</source>
        <translation>%1 exemples, exactitude %2 · %3 tranches sur %4 sont nettement moins bonnes (tout leur intervalle est en dessous)</translation>
    </message>
    <message>
        <source>Sentences right</source>
        <translation>Phrases justes</translation>
    </message>
    <message>
        <source>Entity F1</source>
        <translation>F1 des entités</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to DistilBench</source>
        <translation>Bienvenue dans DistilBench</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder (config.json with model.safetensors or pytorch_model.bin) to look inside it, test it, fine-tune or distil it. You can also drop a folder onto this window.</source>
        <translation>Ouvrez un dossier de modèle Hugging Face (config.json avec model.safetensors ou pytorch_model.bin) pour l&apos;examiner, le tester, l&apos;affiner ou le distiller. Vous pouvez aussi déposer un dossier sur cette fenêtre.</translation>
    </message>
    <message>
        <source>Open Model Folder…</source>
        <translation>Ouvrir un dossier de modèle…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open a Hugging Face model folder</source>
        <translation>Ouvrir un dossier de modèle Hugging Face</translation>
    </message>
    <message>
        <source>Use the Demo Model</source>
        <translation>Utiliser le modèle de démonstration</translation>
    </message>
    <message>
        <source>A small DistilBERT sentiment classifier trained on SST-2 by DistilBench</source>
        <translation>Un petit classifieur de sentiment DistilBERT entraîné sur SST-2 par DistilBench</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Threads, device, theme, language</source>
        <translation>Threads, périphérique, thème, langue</translation>
    </message>
    <message>
        <source>LibTorch %1 · %2 threads on %3 cores · BLAS: %4 · bf16: %5</source>
        <translation>LibTorch %1 · %2 threads sur %3 cœurs · BLAS : %4 · bf16 : %5</translation>
    </message>
    <message>
        <source>native</source>
        <translation>natif</translation>
    </message>
    <message>
        <source>emulated</source>
        <translation>émulé</translation>
    </message>
</context>
<context>
    <name>TokenChips</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;id %2&lt;br&gt;characters %3–%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;id %2&lt;br&gt;caractères %3–%4</translation>
    </message>
    <message>
        <source>&lt;br&gt;special token</source>
        <translation>&lt;br&gt;token spécial</translation>
    </message>
    <message>
        <source>&lt;br&gt;unknown: not in the vocabulary</source>
        <translation>&lt;br&gt;inconnu : absent du vocabulaire</translation>
    </message>
    <message>
        <source>&lt;br&gt;continues the previous piece</source>
        <translation>&lt;br&gt;prolonge le morceau précédent</translation>
    </message>
    <message>
        <source>&lt;br&gt;cut off by max_length</source>
        <translation>&lt;br&gt;coupé par max_length</translation>
    </message>
</context>
<context>
    <name>TokenizerPage</name>
    <message>
        <source>No tokenizer</source>
        <translation>Aucun tokenizer</translation>
    </message>
    <message>
        <source>Open a model (its tokenizer comes with it) or a tokenizer file: tokenizer.json, vocab.txt or a SentencePiece .model.</source>
        <translation>Ouvrez un modèle (son tokenizer l&apos;accompagne) ou un fichier de tokenizer : tokenizer.json, vocab.txt ou un .model SentencePiece.</translation>
    </message>
    <message>
        <source>Open tokenizer</source>
        <translation>Ouvrir un tokenizer</translation>
    </message>
    <message>
        <source>Tokenizers (tokenizer.json *.json vocab.txt *.txt *.model)</source>
        <translation>Tokenizers (tokenizer.json *.json vocab.txt *.txt *.model)</translation>
    </message>
    <message>
        <source>Open Tokenizer…</source>
        <translation>Ouvrir un tokenizer…</translation>
    </message>
    <message>
        <source>Compare With…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Tokenize the same text with a second tokenizer, side by side</source>
        <translation>Tokeniser le même texte avec un second tokenizer, côte à côte</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the token chips as PNG, SVG or PDF</source>
        <translation>Enregistrer les pastilles de tokens en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Type or paste text; click a token to find it in the text, or click the text to find its tokens</source>
        <translation>Saisissez ou collez du texte ; cliquez sur un token pour le trouver dans le texte, ou sur le texte pour trouver ses tokens</translation>
    </message>
    <message>
        <source>Pair (segment B)</source>
        <translation>Paire (segment B)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>aucune limite</translation>
    </message>
    <message>
        <source>max_length </source>
        <translation>max_length </translation>
    </message>
    <message>
        <source>Tokens beyond this length (special tokens included) are cut off when the model reads the text</source>
        <translation>Les tokens au-delà de cette longueur (tokens spéciaux compris) sont coupés quand le modèle lit le texte</translation>
    </message>
    <message>
        <source>Second text (segment B)</source>
        <translation>Second texte (segment B)</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Search by token or id</source>
        <translation>Rechercher par token ou id</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulaire</translation>
    </message>
    <message>
        <source>Tokenizer to compare</source>
        <translation>Tokenizer à comparer</translation>
    </message>
    <message>
        <source>Tokenizers (*.json *.txt *.model)</source>
        <translation>Tokenizers (*.json *.txt *.model)</translation>
    </message>
    <message>
        <source>Loading tokenizer %1</source>
        <translation>Chargement du tokenizer %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; tokenizer · %2 tokens · %3</source>
        <translation>Tokenizer &lt;b&gt;%1&lt;/b&gt; · %2 tokens · %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3 tokens)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2, %3 tokens)</translation>
    </message>
    <message>
        <source>Tokenizing</source>
        <translation>Tokenisation</translation>
    </message>
</context>
<context>
    <name>TrainPage</name>
    <message>
        <source>Training data:</source>
        <translation>Données d&apos;entraînement :</translation>
    </message>
    <message>
        <source>CSV, TSV, JSON Lines, JSON or CoNLL</source>
        <translation>CSV, TSV, JSON Lines, JSON ou CoNLL</translation>
    </message>
    <message>
        <source>Validation data:</source>
        <translation>Données de validation :</translation>
    </message>
    <message>
        <source>optional: a share of the training data otherwise</source>
        <translation>facultatif : sinon une part des données d&apos;entraînement</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Multi-label</source>
        <translation>Multi-étiquette</translation>
    </message>
    <message>
        <source>Token classification (NER)</source>
        <translation>Classification de tokens (NER)</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Régression</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tâche :</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>Colonne de texte :</translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation>Colonne d&apos;étiquette :</translation>
    </message>
    <message>
        <source>The open model</source>
        <translation>Le modèle ouvert</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nouveau %1</translation>
    </message>
    <message>
        <source>Fine-tune the model open on the Models page, or train a new one from scratch</source>
        <translation>Affiner le modèle ouvert dans la page Modèles, ou en entraîner un nouveau de zéro</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Start training (Ctrl+R)</source>
        <translation>Lancer l&apos;entraînement (Ctrl+R)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is saved so the run can be resumed</source>
        <translation>S&apos;arrêter après le pas en cours ; un point de contrôle est enregistré pour reprendre l&apos;exécution</translation>
    </message>
    <message>
        <source>Resume Run…</source>
        <translation>Reprendre une exécution…</translation>
    </message>
    <message>
        <source>Choose training data to see a preview, the class balance and token lengths.</source>
        <translation>Choisissez des données d&apos;entraînement pour voir un aperçu, l&apos;équilibre des classes et la longueur des tokens.</translation>
    </message>
    <message>
        <source>Tokens per example; examples right of the red line are cut to max_length</source>
        <translation>Tokens par exemple ; les exemples à droite de la ligne rouge sont coupés à max_length</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Pick training data and press Start.</source>
        <translation>Choisissez des données d&apos;entraînement et appuyez sur Lancer.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Best metric</source>
        <translation>Meilleure métrique</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>&lt;b&gt;Run history&lt;/b&gt;</source>
        <translation>&lt;b&gt;Historique des exécutions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Run folder to resume</source>
        <translation>Dossier d&apos;exécution à reprendre</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>Lecture de %1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 étiquettes</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 rows&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1 lignes&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source> · tokens per row: mean %1, max %2</source>
        <translation> · tokens par ligne : moyenne %1, maximum %2</translation>
    </message>
    <message numerus="yes">
        <source>%n empty row(s)</source>
        <translation>
            <numerusform>%n ligne vide</numerusform>
            <numerusform>%n lignes vides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate row(s)</source>
        <translation>
            <numerusform>%n ligne en double</numerusform>
            <numerusform>%n lignes en double</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) longer than max_length %1</source>
        <translation>
            <numerusform>%n ligne plus longue que max_length %1</numerusform>
            <numerusform>%n lignes plus longues que max_length %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;No problems found.</source>
        <translation>&lt;br&gt;Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Problems:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Problèmes :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraîner</translation>
    </message>
    <message>
        <source>Choose the training data first.</source>
        <translation>Choisissez d&apos;abord les données d&apos;entraînement.</translation>
    </message>
    <message>
        <source>Open a model to fine-tune, or choose a new model from a preset.</source>
        <translation>Ouvrez un modèle à affiner, ou choisissez un nouveau modèle depuis un préréglage.</translation>
    </message>
    <message>
        <source>Resuming training</source>
        <translation>Reprise de l&apos;entraînement</translation>
    </message>
    <message>
        <source>Preparing data and model…</source>
        <translation>Préparation des données et du modèle…</translation>
    </message>
    <message>
        <source>Finished. The best model is in %1/best.</source>
        <translation>Terminé. Le meilleur modèle se trouve dans %1/best.</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>non terminé</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>The header of %1 cannot be read: %2</source>
        <translation>L&apos;en-tête de %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>choose the text column</source>
        <translation>choisir la colonne de texte</translation>
    </message>
    <message>
        <source>choose the label column</source>
        <translation>choisir la colonne d&apos;étiquette</translation>
    </message>
    <message>
        <source>&lt;b&gt;The data cannot be read:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Les données ne peuvent pas être lues :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The data may be mapped wrongly:
%1

Train anyway?</source>
        <translation>Les données sont peut-être mal associées :
%1

Entraîner quand même ?</translation>
    </message>
    <message>
        <source>Runs in %1; check runs to overlay their loss curves; right-click to compare, rename or delete</source>
        <translation>Entraînements dans %1 ; cochez-les pour superposer leurs courbes de perte ; clic droit pour comparer, renommer ou supprimer</translation>
    </message>
    <message>
        <source>Compare Checked Runs</source>
        <translation>Comparer les entraînements cochés</translation>
    </message>
    <message>
        <source>Compare All Runs</source>
        <translation>Comparer tous les entraînements</translation>
    </message>
    <message>
        <source>Rename Run…</source>
        <translation>Renommer l&apos;entraînement…</translation>
    </message>
    <message>
        <source>Delete Run…</source>
        <translation>Supprimer l&apos;entraînement…</translation>
    </message>
    <message>
        <source>Run History</source>
        <translation>Historique des entraînements</translation>
    </message>
    <message>
        <source>Rename Run</source>
        <translation>Renommer l&apos;entraînement</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source>Delete the run %1 with its checkpoints and best model?</source>
        <translation>Supprimer l&apos;entraînement %1 avec ses points de contrôle et son meilleur modèle ?</translation>
    </message>
    <message>
        <source>Best value</source>
        <translation>Meilleure valeur</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Durée (s)</translation>
    </message>
    <message>
        <source>Examples/s</source>
        <translation>Exemples/s</translation>
    </message>
    <message>
        <source>Compare Runs</source>
        <translation>Comparer les entraînements</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Dossier des entraînements :</translation>
    </message>
    <message>
        <source>folder of the run history</source>
        <translation>dossier de l&apos;historique des entraînements</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>date et heure</translation>
    </message>
    <message>
        <source>The run&apos;s folder name inside the runs folder</source>
        <translation>Le nom du dossier de l&apos;entraînement dans le dossier des entraînements</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Nom de l&apos;entraînement :</translation>
    </message>
    <message>
        <source>Reading the curves of %1</source>
        <translation>Lecture des courbes de %1</translation>
    </message>
    <message>
        <source>Reading the run history</source>
        <translation>Lecture de l&apos;historique des exécutions</translation>
    </message>
</context>
<context>
    <name>TrainingOptions</name>
    <message>
        <source>Validation split</source>
        <translation>Part de validation</translation>
    </message>
    <message>
        <source>Share of the training data held out for validation when no validation file is given (stratified by label, seeded)</source>
        <translation>Part des données d&apos;entraînement mise de côté pour la validation quand aucun fichier de validation n&apos;est donné (stratifiée par étiquette, avec graine)</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>Part de test</translation>
    </message>
    <message>
        <source>Share of the training data held out as a test set, scored once with the best model, when no test file is given</source>
        <translation>Part des données d&apos;entraînement réservée comme jeu de test, évaluée une fois avec le meilleur modèle, quand aucun fichier de test n&apos;est donné</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <source>Passes over the training data</source>
        <translation>Passages sur les données d&apos;entraînement</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>Pas maximum</translation>
    </message>
    <message>
        <source>Stop after this many optimizer steps (0: use epochs)</source>
        <translation>S&apos;arrêter après ce nombre de pas d&apos;optimisation (0 : utiliser les époques)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d&apos;apprentissage</translation>
    </message>
    <message>
        <source>Peak learning rate: how big each update is. 2e-5 to 5e-5 suits fine-tuning; small models from scratch like 5e-4</source>
        <translation>Taux d&apos;apprentissage maximal : la taille de chaque mise à jour. 2e-5 à 5e-5 convient à l&apos;affinage ; les petits modèles entraînés de zéro préfèrent 5e-4</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <source>Examples per batch (per process on average in data-parallel runs)</source>
        <translation>Exemples par lot (par processus en moyenne en entraînement parallèle sur les données)</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>Longueur maximale</translation>
    </message>
    <message>
        <source>Longer inputs are truncated to this many tokens</source>
        <translation>Les entrées plus longues sont tronquées à ce nombre de tokens</translation>
    </message>
    <message>
        <source>Warm-up ratio</source>
        <translation>Part d&apos;échauffement</translation>
    </message>
    <message>
        <source>Warm-up: the share of steps during which the learning rate rises from 0 to its peak; it keeps early updates from wrecking a pretrained model</source>
        <translation>Échauffement : la part des pas pendant lesquels le taux d&apos;apprentissage monte de 0 à son maximum ; cela évite que les premières mises à jour abîment un modèle pré-entraîné</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>Pas de préchauffage</translation>
    </message>
    <message>
        <source>Warm-up as a number of steps (overrides the ratio; 0: use the ratio)</source>
        <translation>Préchauffage en nombre de pas (remplace la proportion ; 0 : utiliser la proportion)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>How the learning rate falls after the warm-up: linear to 0, cosine to 0, or constant</source>
        <translation>Comment le taux d&apos;apprentissage décroît après le préchauffage : linéaire jusqu&apos;à 0, cosinus jusqu&apos;à 0, ou constant</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Décroissance des poids</translation>
    </message>
    <message>
        <source>AdamW weight decay: pulls weights towards zero (not biases or LayerNorm)</source>
        <translation>Décroissance des poids d&apos;AdamW : ramène les poids vers zéro (sauf biais et LayerNorm)</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Écrêtage des gradients</translation>
    </message>
    <message>
        <source>Gradient clipping: the largest gradient norm allowed (0 = off)</source>
        <translation>Écrêtage des gradients : la plus grande norme de gradient permise (0 = désactivé)</translation>
    </message>
    <message>
        <source>Accumulation</source>
        <translation>Accumulation</translation>
    </message>
    <message>
        <source>Gradient accumulation: batches summed before each update (a larger effective batch)</source>
        <translation>Accumulation de gradients : lots additionnés avant chaque mise à jour (un lot effectif plus grand)</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>AdamW&apos;s decay of the gradient average (momentum)</source>
        <translation>Décroissance de la moyenne des gradients dans AdamW (momentum)</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>AdamW&apos;s decay of the squared-gradient average</source>
        <translation>Décroissance de la moyenne des gradients au carré dans AdamW</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Added to AdamW&apos;s denominator for numerical stability</source>
        <translation>Ajouté au dénominateur d&apos;AdamW pour la stabilité numérique</translation>
    </message>
    <message>
        <source>Group by length</source>
        <translation>Grouper par longueur</translation>
    </message>
    <message>
        <source>Batches of similar length (less padding, faster), in the Hugging Face Trainer&apos;s order; off: plain shuffled batches</source>
        <translation>Lots de longueurs semblables (moins de remplissage, plus rapide), dans l&apos;ordre du Trainer de Hugging Face ; désactivé : lots simplement mélangés</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Poids des classes</translation>
    </message>
    <message>
        <source>Weights of the classes in the loss: &apos;balanced&apos; (from label frequencies, so rare classes count as much as common ones) or one weight per label, e.g. 1,2.5</source>
        <translation>Poids des classes dans la perte : « balanced » (d&apos;après les fréquences des étiquettes, pour que les classes rares comptent autant que les fréquentes) ou un poids par étiquette, p. ex. 1,2.5</translation>
    </message>
    <message>
        <source>none, balanced, or 1,2.5,…</source>
        <translation>aucun, balanced ou 1,2.5,…</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>Lissage des étiquettes</translation>
    </message>
    <message>
        <source>Moves this share of each target&apos;s probability to the other classes (0 = off)</source>
        <translation>Déplace cette part de la probabilité de chaque cible vers les autres classes (0 = désactivé)</translation>
    </message>
    <message>
        <source>Freeze embeddings</source>
        <translation>Geler les plongements</translation>
    </message>
    <message>
        <source>Do not train the embeddings</source>
        <translation>Ne pas entraîner les plongements</translation>
    </message>
    <message>
        <source>Freeze layers</source>
        <translation>Couches gelées</translation>
    </message>
    <message>
        <source>Keep the first K layers fixed</source>
        <translation>Garder fixes les K premières couches</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>Évaluer tous les</translation>
    </message>
    <message>
        <source>Evaluate every N steps (0: at the end of each epoch)</source>
        <translation>Évaluer tous les N pas (0 : à la fin de chaque époque)</translation>
    </message>
    <message>
        <source>Evaluation batch</source>
        <translation>Lot d&apos;évaluation</translation>
    </message>
    <message>
        <source>Examples per batch when evaluating</source>
        <translation>Exemples par lot lors de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>Journaliser tous les</translation>
    </message>
    <message>
        <source>Log the training loss every N steps</source>
        <translation>Journaliser la perte d&apos;entraînement tous les N pas</translation>
    </message>
    <message>
        <source>Best model by</source>
        <translation>Meilleur modèle selon</translation>
    </message>
    <message>
        <source>The validation metric that picks the best model (empty: the task&apos;s main metric)</source>
        <translation>La métrique de validation qui choisit le meilleur modèle (vide : la métrique principale de la tâche)</translation>
    </message>
    <message>
        <source>the task&apos;s main metric</source>
        <translation>la métrique principale de la tâche</translation>
    </message>
    <message>
        <source>Early stopping on</source>
        <translation>Arrêt précoce sur</translation>
    </message>
    <message>
        <source>Early stopping: stop when this validation metric stops improving (empty: the metric that picks the best model)</source>
        <translation>Arrêt anticipé : arrêter quand cette métrique de validation ne s&apos;améliore plus (vide : la métrique qui choisit le meilleur modèle)</translation>
    </message>
    <message>
        <source>the best-model metric</source>
        <translation>la métrique du meilleur modèle</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>Patience</translation>
    </message>
    <message>
        <source>Evaluations without improvement before stopping (0 = off)</source>
        <translation>Évaluations sans amélioration avant l&apos;arrêt (0 = désactivé)</translation>
    </message>
    <message>
        <source>Least improvement</source>
        <translation>Amélioration minimale</translation>
    </message>
    <message>
        <source>Early stopping: the least improvement that counts</source>
        <translation>Arrêt anticipé : la plus petite amélioration qui compte</translation>
    </message>
    <message>
        <source>Multi-label threshold</source>
        <translation>Seuil multi-étiquette</translation>
    </message>
    <message>
        <source>Multi-label: a label is predicted when its probability reaches this value</source>
        <translation>Multi-étiquette : une étiquette est prédite quand sa probabilité atteint cette valeur</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>Points de contrôle conservés</translation>
    </message>
    <message>
        <source>Checkpoints to keep; older ones are removed</source>
        <translation>Points de contrôle à conserver ; les plus anciens sont supprimés</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Same seed and threads give the same run</source>
        <translation>Même graine et mêmes threads donnent la même exécution</translation>
    </message>
    <message>
        <source>bf16 autocast</source>
        <translation>Autocast bf16</translation>
    </message>
    <message>
        <source>Compute the forward pass in bfloat16: faster on CPUs with AVX512-BF16/AMX</source>
        <translation>Calculer la passe avant en bfloat16 : plus rapide sur les CPU avec AVX512-BF16/AMX</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Temperature T softens both distributions (softmax(logits/T)) so the student also learns how the teacher ranks the wrong answers; the KL term is multiplied by T² to keep its gradients the same size</source>
        <translation>La température T adoucit les deux distributions (softmax(logits/T)) pour que l&apos;élève apprenne aussi comment l&apos;enseignant classe les mauvaises réponses ; le terme KL est multiplié par T² pour que ses gradients gardent la même taille</translation>
    </message>
    <message>
        <source>α distillation (KL)</source>
        <translation>α distillation (KL)</translation>
    </message>
    <message>
        <source>Weight of the distillation term: KL divergence between the teacher&apos;s and the student&apos;s softened predictions</source>
        <translation>Poids du terme de distillation : divergence KL entre les prédictions adoucies de l&apos;enseignant et de l&apos;élève</translation>
    </message>
    <message>
        <source>α labels</source>
        <translation>α étiquettes</translation>
    </message>
    <message>
        <source>Weight of the ordinary cross-entropy on the true labels</source>
        <translation>Poids de l&apos;entropie croisée habituelle sur les vraies étiquettes</translation>
    </message>
    <message>
        <source>α masked LM</source>
        <translation>α LM masqué</translation>
    </message>
    <message>
        <source>Pre-training: weight of the masked-language-model cross-entropy</source>
        <translation>Pré-entraînement : poids de l&apos;entropie croisée du modèle de langue masqué</translation>
    </message>
    <message>
        <source>α cosine</source>
        <translation>α cosinus</translation>
    </message>
    <message>
        <source>Weight of the cosine loss that pulls the student&apos;s last hidden states towards the teacher&apos;s (needs equal hidden sizes)</source>
        <translation>Poids de la perte cosinus qui rapproche les derniers états cachés de l&apos;élève de ceux de l&apos;enseignant (tailles cachées égales requises)</translation>
    </message>
    <message>
        <source>α logits MSE</source>
        <translation>α MSE des logits</translation>
    </message>
    <message>
        <source>Weight of the squared error between teacher and student logits</source>
        <translation>Poids de l&apos;erreur quadratique entre les logits de l&apos;enseignant et de l&apos;élève</translation>
    </message>
    <message>
        <source>Cache teacher logits</source>
        <translation>Mettre en cache les logits de l&apos;enseignant</translation>
    </message>
    <message>
        <source>Classification without the cosine term: the teacher runs once per example and later epochs reuse its outputs</source>
        <translation>Classification sans terme cosinus : l&apos;enseignant tourne une fois par exemple et les époques suivantes réutilisent ses sorties</translation>
    </message>
    <message>
        <source>Masking probability</source>
        <translation>Probabilité de masquage</translation>
    </message>
    <message>
        <source>Pre-training: share of tokens chosen for prediction</source>
        <translation>Pré-entraînement : part des tokens choisis pour la prédiction</translation>
    </message>
    <message>
        <source>Favour rare tokens</source>
        <translation>Favoriser les tokens rares</translation>
    </message>
    <message>
        <source>Pre-training: choose rare tokens more often (counts^-0.7, as DistilBERT did)</source>
        <translation>Pré-entraînement : choisir plus souvent les tokens rares (effectifs^-0.7, comme DistilBERT)</translation>
    </message>
    <message>
        <source>distillation (KL)</source>
        <translation>distillation (KL)</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>étiquettes</translation>
    </message>
    <message>
        <source>masked LM</source>
        <translation>LM masqué</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>cosinus</translation>
    </message>
    <message>
        <source>logits MSE</source>
        <translation>MSE des logits</translation>
    </message>
    <message>
        <source>Record a data map</source>
        <translation>Enregistrer une carte des données</translation>
    </message>
    <message>
        <source>Keep each training example&apos;s probability of its label per epoch (from the training pass itself): the Analyse page&apos;s data map finds likely label errors with it</source>
        <translation>Conserver pour chaque exemple la probabilité de son étiquette à chaque époque (tirée de la passe d&apos;entraînement elle-même) : la carte des données de la page Analyser y trouve les erreurs d&apos;étiquette probables</translation>
    </message>
</context>
<context>
    <name>VocabularyModel</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
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
        <translation>Chargement du tokenizer %1</translation>
    </message>
    <message>
        <source>Loading model %1</source>
        <translation>Chargement du modèle %1</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Création de %1</translation>
    </message>
    <message>
        <source>new %1</source>
        <translation>nouveau %1</translation>
    </message>
    <message>
        <source>Moving the model to %1</source>
        <translation>Déplacement du modèle vers %1</translation>
    </message>
    <message>
        <source>Loading the demo model</source>
        <translation>Chargement du modèle de démonstration</translation>
    </message>
    <message>
        <source>Demo: SST-2 sentiment</source>
        <translation>Démo : sentiment SST-2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Workbench for BERT-family encoders</source>
        <translation>Atelier pour les encodeurs de la famille BERT</translation>
    </message>
    <message>
        <source>Model folder or file to open</source>
        <translation>Dossier ou fichier de modèle à ouvrir</translation>
    </message>
    <message>
        <source>Starting: loading the model engine (LibTorch)…</source>
        <translation>Démarrage : chargement du moteur de modèles (LibTorch)…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>DistilBench cannot start: %1: %2</source>
        <translation>DistilBench ne peut pas démarrer : %1 : %2</translation>
    </message>
    <message>
        <source>no entry point %1</source>
        <translation>pas de point d&apos;entrée %1</translation>
    </message>
</context>
</TS>
