// The focus-assessment module's own words in English, German and French: its panel's headings, notes and measures.
// Everything about the questions themselves (area names, answer labels) comes from the survey file.
#pragma once

#include <alignkiosk/words.hpp>

namespace alignkiosk::plugins::focus_assessment::words {

using sdk::Phrase;

inline constexpr Phrase kNoAnswers{"no answers", "keine Antworten", "aucune réponse"};
inline constexpr Phrase kNothingYet{"Nothing to show yet: no group has enough answers to be shown.",
                                    "Noch nichts zu zeigen: Keine Gruppe hat genug Antworten, um gezeigt zu werden.",
                                    "Rien à afficher pour l’instant : aucun groupe n’a assez de réponses pour être "
                                    "montré."};
// {threshold}: "25%".
inline constexpr Phrase kPercentLegend{"The bar reaches the mean; the dark mark is the median, the red one {threshold}.",
                                       "Der Balken reicht bis zum Mittelwert; die dunkle Marke ist der Median, die rote "
                                       "liegt bei {threshold}.",
                                       "La barre va jusqu’à la moyenne ; le trait foncé est la médiane, le rouge "
                                       "marque {threshold}."};
inline constexpr Phrase kMeanMedian{"mean {mean}  ·  median {median}", "Mittelwert {mean}  ·  Median {median}",
                                    "moyenne {mean}  ·  médiane {median}"};
inline constexpr Phrase kUnder{"under {threshold}: {share}", "unter {threshold}: {share}",
                               "sous {threshold} : {share}"};
// {percent} ({hits} of {answered}).
inline constexpr Phrase kShare{"{percent} ({hits} of {answered})", "{percent} ({hits} von {answered})",
                               "{percent} ({hits} sur {answered})"};
inline constexpr Phrase kEach{"{share} each", "je {share}", "{share} chacune"};
inline constexpr Phrase kClarityTitle{"How clear and focused each area looks",
                                      "Wie klar und fokussiert jeder Bereich wirkt",
                                      "À quel point chaque domaine paraît clair et ciblé"};
inline constexpr Phrase kSharedWordsTitle{"{goal} — the key words people share",
                                          "{goal} — die Schlüsselwörter, die mehrere nennen",
                                          "{goal} — les mots-clés que les gens partagent"};
inline constexpr Phrase kNoStopWords{"No list of common words for this survey's language: every word of three letters "
                                     "or more counts.",
                                     "Keine Liste häufiger Wörter für die Sprache dieser Umfrage: Jedes Wort ab drei "
                                     "Buchstaben zählt.",
                                     "Pas de liste de mots courants pour la langue de ce questionnaire : chaque mot "
                                     "de trois lettres ou plus compte."};
inline constexpr Phrase kSentencesHeldBack{"Goal sentences not shown: the anonymity rules for open answers hold this "
                                           "group's back.",
                                           "Zielsätze nicht gezeigt: Die Anonymitätsregeln für offene Antworten halten "
                                           "die dieser Gruppe zurück.",
                                           "Phrases d’objectif non affichées : les règles d’anonymat des réponses "
                                           "libres retiennent celles de ce groupe."};
inline constexpr Phrase kOneSentence{"1 sentence", "1 Satz", "1 phrase"};
inline constexpr Phrase kSentences{"{n} sentences", "{n} Sätze", "{n} phrases"};
inline constexpr Phrase kTooFew{"Too few sentences to compare.", "Zu wenige Sätze für einen Vergleich.",
                                "Trop peu de phrases pour comparer."};
inline constexpr Phrase kNoSharedWord{"No key word is used by two or more people: the goal is named in different "
                                      "words.",
                                      "Kein Schlüsselwort kommt bei zwei oder mehr Personen vor: Das Ziel wird mit "
                                      "verschiedenen Worten benannt.",
                                      "Aucun mot-clé n’est employé par deux personnes ou plus : l’objectif est "
                                      "formulé avec des mots différents."};
inline constexpr Phrase kOf{"{count} of {total}", "{count} von {total}", "{count} sur {total}"};
inline constexpr Phrase kWordIn{"“{word}” is in {share} of the sentences.", "„{word}“ steht in {share} der Sätze.",
                                "« {word} » figure dans {share} des phrases."};
inline constexpr Phrase kSharing{"{count} of {total} share a key word with someone else's.",
                                 "{count} von {total} teilen ein Schlüsselwort mit dem Satz einer anderen Person.",
                                 "{count} sur {total} partagent un mot-clé avec la phrase de quelqu’un d’autre."};
inline constexpr Phrase kJaccard{"Two sentences share {percent} of their key words on average (mean Jaccard).",
                                 "Zwei Sätze teilen im Schnitt {percent} ihrer Schlüsselwörter (mittlerer Jaccard).",
                                 "Deux phrases partagent en moyenne {percent} de leurs mots-clés (Jaccard moyen)."};

// The findings (score): {name} is the question's, {share} a shareText.
inline constexpr Phrase kUnderFor{"{name} — under {threshold} for {share}; median {median}",
                                  "{name} — unter {threshold} bei {share}; Median {median}",
                                  "{name} — moins de {threshold} pour {share} ; médiane {median}"};
inline constexpr Phrase kClarityFrom{"{name} — \"{no}\" from {noShare}, \"{partly}\" from {partlyShare}",
                                     "{name} — „{no}“ von {noShare}, „{partly}“ von {partlyShare}",
                                     "{name} — « {no} » pour {noShare}, « {partly} » pour {partlyShare}"};
inline constexpr Phrase kTickedBy{"{name}: {option} — ticked by {share}", "{name}: {option} — angekreuzt von {share}",
                                  "{name} : {option} — cochée par {share}"};
inline constexpr Phrase kMostChosen{"{name} — most chosen: {options}, by {share}",
                                    "{name} — am häufigsten gewählt: {options}, von {share}",
                                    "{name} — le plus choisi : {options}, par {share}"};
inline constexpr Phrase kMostChosenEach{"{name} — most chosen: {options}, by {share} each",
                                        "{name} — am häufigsten gewählt: {options}, von je {share}",
                                        "{name} — le plus choisi : {options}, par {share} chacun"};

// The report's pages (focus_report.h).
inline constexpr Phrase kGroupN{"{group} (n = {n})", "{group} (n = {n})", "{group} (n = {n})"};
inline constexpr Phrase kGroup{"Group", "Gruppe", "Groupe"};
inline constexpr Phrase kMean{"Mean", "Mittelwert", "Moyenne"};
inline constexpr Phrase kMedian{"Median", "Median", "Médiane"};
inline constexpr Phrase kUnderColumn{"Under {threshold}", "Unter {threshold}", "Moins de {threshold}"};
inline constexpr Phrase kMeanValue{"mean {mean}", "Mittelwert {mean}", "moyenne {mean}"};
inline constexpr Phrase kSentencesCount{"Sentences", "Sätze", "Phrases"};
inline constexpr Phrase kSharingKeyWord{"Sharing a key word with someone else's", "Mit einem Schlüsselwort, das auch "
                                        "jemand anderes nennt", "Partageant un mot clé avec celle d’un autre"};
inline constexpr Phrase kKeyWordsShared{"Key words two sentences share on average",
                                        "Schlüsselwörter, die zwei Sätze im Mittel teilen",
                                        "Mots clés que deux phrases partagent en moyenne"};
inline constexpr Phrase kJaccardValue{"{percent} (mean Jaccard)", "{percent} (mittlerer Jaccard)",
                                      "{percent} (Jaccard moyen)"};
inline constexpr Phrase kCellNote{"Each cell: {yes} · {partly} · {no}, as shares of the group's answers.",
                                  "Jede Zelle: {yes} · {partly} · {no}, als Anteile an den Antworten der Gruppe.",
                                  "Chaque case : {yes} · {partly} · {no}, en parts des réponses du groupe."};
inline constexpr Phrase kMostChosenColumn{"Most chosen", "Am häufigsten gewählt", "Le plus choisi"};
inline constexpr Phrase kShareColumn{"Share", "Anteil", "Part"};
inline constexpr Phrase kGroupFinding{"{group}: {headline}", "{group}: {headline}", "{group} : {headline}"};
inline constexpr Phrase kCheckFirst{"Check first: {action}", "Zuerst prüfen: {action}",
                                    "À vérifier d’abord : {action}"};

} // namespace alignkiosk::plugins::focus_assessment::words
