// The diagnostic-signs module's own words in English, German and French: its measures, level words and panel notes.
// The signs and metrics themselves come from the survey file, in the survey's language.
#pragma once

#include <alignkiosk/words.hpp>

namespace alignkiosk::plugins::diagnostic_signs::words {

using sdk::Phrase;

// {percent}: "62%"; {hits} of {answered} people.
inline constexpr Phrase kSeenOftenBy{"seen often by {percent} ({hits} of {answered})",
                                     "oft bemerkt von {percent} ({hits} von {answered})",
                                     "souvent constaté par {percent} ({hits} sur {answered})"};
inline constexpr Phrase kRatedWeakBy{"rated weak by {percent} ({hits} of {answered})",
                                     "als schwach bewertet von {percent} ({hits} von {answered})",
                                     "jugé faible par {percent} ({hits} sur {answered})"};
inline constexpr Phrase kWidespread{"widespread", "verbreitet", "répandu"};
inline constexpr Phrase kWatch{"watch", "beobachten", "à surveiller"};
inline constexpr Phrase kIsolated{"isolated", "vereinzelt", "isolé"};

// The report's pages (signs_report.h).
inline constexpr Phrase kCheckFirst{"Check first: {action}", "Zuerst prüfen: {action}",
                                    "À vérifier d’abord : {action}"};
inline constexpr Phrase kNoGroupYet{"No group has enough answers to this step to be shown yet.",
                                    "Noch keine Gruppe hat genug Antworten auf diesen Schritt, um gezeigt zu werden.",
                                    "Aucun groupe n’a encore assez de réponses à cette étape pour être affiché."};
inline constexpr Phrase kRankingNote{"Signs are ranked by how widespread they are, metrics by how weak. A quarter of a "
                                     "group is \u201cwatch\u201d, half of it \u201cwidespread\u201d.",
                                     "Anzeichen sind danach geordnet, wie verbreitet sie sind, Kennzahlen danach, wie "
                                     "schwach. Ein Viertel einer Gruppe heißt \u201ebeobachten\u201c, die Hälfte "
                                     "\u201everbreitet\u201c.",
                                     "Les signes sont classés selon leur diffusion, les indicateurs selon leur "
                                     "faiblesse. Un quart d’un groupe, c’est \u00ab\u202f\u00e0 surveiller\u202f"
                                     "\u00bb, la moitié \u00ab\u202frépandu\u202f\u00bb."};
inline constexpr Phrase kGroupPeople{"{group} ({n} people)", "{group} ({n} Personen)", "{group} ({n} personnes)"};
inline constexpr Phrase kSigns{"Signs", "Anzeichen", "Signes"};
inline constexpr Phrase kMetrics{"Metrics", "Kennzahlen", "Indicateurs"};

} // namespace alignkiosk::plugins::diagnostic_signs::words
