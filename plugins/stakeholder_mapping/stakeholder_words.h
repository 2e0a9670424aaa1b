// The stakeholder-mapping module's own words in English, German and French: its panel's headings, notes and measures.
// The stakeholders, roles and corners themselves come from the survey file.
#pragma once

#include <alignkiosk/words.hpp>

namespace alignkiosk::plugins::stakeholder_mapping::words {

using sdk::Phrase;

inline constexpr Phrase kNothingYet{"Nothing to show yet: a group appears here once enough people in it have answered "
                                    "to keep them anonymous.",
                                    "Noch nichts zu zeigen: Eine Gruppe erscheint hier, sobald genug Personen in ihr "
                                    "geantwortet haben, um anonym zu bleiben.",
                                    "Rien à afficher pour l’instant : un groupe apparaît ici dès qu’assez de "
                                    "personnes y ont répondu pour rester anonymes."};
inline constexpr Phrase kOneAnswer{"{group}  (1 answer)", "{group}  (1 Antwort)", "{group}  (1 réponse)"};
inline constexpr Phrase kAnswers{"{group}  ({n} answers)", "{group}  ({n} Antworten)", "{group}  ({n} réponses)"};
inline constexpr Phrase kSpread{"spread ±{points}   agreement {agreement} ({word})",
                                "Streuung ±{points}   Übereinstimmung {agreement} ({word})",
                                "dispersion ±{points}   accord {agreement} ({word})"};
inline constexpr Phrase kNoSpread{"(spread and agreement need a kiosk that sends the answers' spread)",
                                  "(Streuung und Übereinstimmung brauchen ein Terminal, das die Streuung der Antworten "
                                  "mitschickt)",
                                  "(la dispersion et l’accord demandent une borne qui transmet la dispersion des "
                                  "réponses)"};
inline constexpr Phrase kNobodyYet{"Nobody in the shown groups has answered this yet.",
                                   "In den gezeigten Gruppen hat das noch niemand beantwortet.",
                                   "Personne dans les groupes affichés n’a encore répondu à cette question."};
inline constexpr Phrase kMixNote{"Each dot is a group's average; the shape around it reaches one standard deviation "
                                 "towards and away from each corner. Agreement: 1 = everyone gave the same mix, 0 = as "
                                 "scattered as random answers.",
                                 "Jeder Punkt ist der Durchschnitt einer Gruppe; die Form um ihn reicht eine "
                                 "Standardabweichung auf jede Ecke zu und von ihr weg. Übereinstimmung: 1 = alle gaben "
                                 "dieselbe Mischung, 0 = so verstreut wie zufällige Antworten.",
                                 "Chaque point est la moyenne d’un groupe ; la forme autour s’étend d’un écart-type "
                                 "vers chaque coin et à l’opposé. Accord : 1 = tout le monde a donné la même "
                                 "répartition, 0 = aussi dispersé que des réponses au hasard."};
inline constexpr Phrase kNoAnswersYet{"no answers yet", "noch keine Antworten", "pas encore de réponse"};
inline constexpr Phrase kSplit{"split: {roles} ({share} each)", "geteilt: {roles} (je {share})",
                               "partagé : {roles} ({share} chacun)"};
inline constexpr Phrase kMostSay{"most say {role} ({share})", "die meisten sagen {role} ({share})",
                                 "la plupart disent {role} ({share})"};
inline constexpr Phrase kUnderstood{"understood {mean}/{max}", "verstanden {mean}/{max}", "compris {mean}/{max}"};
inline constexpr Phrase kPoorly{"{share} poorly", "{share} schlecht", "{share} mal"};
inline constexpr Phrase kMatrixTitle{"How each group sees the people around its work",
                                     "Wie jede Gruppe die Menschen rund um ihre Arbeit sieht",
                                     "Comment chaque groupe voit les personnes autour de son travail"};
inline constexpr Phrase kSeenDifferently{"Seen differently", "Unterschiedlich gesehen", "Vus différemment"};
inline constexpr Phrase kNeedsTwoGroups{"Comparing views needs at least two shown groups.",
                                        "Ein Vergleich braucht mindestens zwei gezeigte Gruppen.",
                                        "Comparer les points de vue demande au moins deux groupes affichés."};
inline constexpr Phrase kNoneDifferent{"No group around our work is seen very differently: every two shown groups name "
                                       "the same most common role, and their views are less than {share} apart.",
                                       "Keine Gruppe rund um unsere Arbeit wird sehr unterschiedlich gesehen: Je zwei "
                                       "gezeigte Gruppen nennen dieselbe häufigste Rolle, und ihre Sichten liegen "
                                       "weniger als {share} auseinander.",
                                       "Aucun groupe autour de notre travail n’est vu très différemment : deux groupes "
                                       "affichés citent toujours le même rôle le plus fréquent, et leurs points de vue "
                                       "sont à moins de {share} d’écart."};
inline constexpr Phrase kApartNote{"\"Apart\": the share of one group's answers that would have to change role to "
                                   "match the other's (total variation distance).",
                                   "„Auseinander“: der Anteil der Antworten einer Gruppe, der die Rolle wechseln "
                                   "müsste, um der anderen zu entsprechen (Totalvariationsabstand).",
                                   "« Écart » : la part des réponses d’un groupe qui devrait changer de rôle pour "
                                   "rejoindre celles de l’autre (distance en variation totale)."};
inline constexpr Phrase kModesDiffer{"{a} mostly say {roleA} ({shareA}), {b} mostly say {roleB} ({shareB}).",
                                     "{a} sagen meist {roleA} ({shareA}), {b} sagen meist {roleB} ({shareB}).",
                                     "{a} disent surtout {roleA} ({shareA}), {b} disent surtout {roleB} ({shareB})."};
inline constexpr Phrase kSameMode{"{a} and {b} differ on {name}'s role: {role} {shareA} in {a}, {shareB} in {b}.",
                                  "{a} und {b} sehen die Rolle von {name} unterschiedlich: {role} {shareA} bei {a}, "
                                  "{shareB} bei {b}.",
                                  "{a} et {b} divergent sur le rôle de {name} : {role} {shareA} chez {a}, {shareB} "
                                  "chez {b}."};
inline constexpr Phrase kViewsApart{"Views {share} apart. Ask both groups what they give {name} and what they get "
                                    "back, and agree on one role.",
                                    "Sichten {share} auseinander. Fragen Sie beide Gruppen, was sie {name} geben und "
                                    "was sie zurückbekommen, und einigen Sie sich auf eine Rolle.",
                                    "Points de vue à {share} d’écart. Demandez aux deux groupes ce qu’ils apportent à "
                                    "{name} et ce qu’ils en reçoivent, puis mettez-vous d’accord sur un rôle."};
// The report's pages (stakeholder_report.h); the rest as on the panel.
inline constexpr Phrase kMean{"Mean", "Mittelwert", "Moyenne"};
inline constexpr Phrase kOfTotal{"{points} of {total}", "{points} von {total}", "{points} sur {total}"};
inline constexpr Phrase kSpreadName{"Spread", "Streuung", "Dispersion"};
inline constexpr Phrase kAgreementName{"Agreement", "Übereinstimmung", "Accord"};
inline constexpr Phrase kAgreementValue{"{agreement} ({word})", "{agreement} ({word})", "{agreement} ({word})"};
inline constexpr Phrase kGroupN{"{group} (n = {n})", "{group} (n = {n})", "{group} (n = {n})"};
inline constexpr Phrase kNothingToShow{"Nothing to show yet: no group has enough answers to be shown.",
                                       "Noch nichts zu zeigen: Keine Gruppe hat genug Antworten, um gezeigt zu werden.",
                                       "Rien à afficher pour l’instant : aucun groupe n’a assez de réponses pour être "
                                       "affiché."};

// The agreement bands of stakeholder_statistics.h's agreementWord.
inline constexpr Phrase kAgreementNone{"lack of agreement", "keine Übereinstimmung", "absence d’accord"};
inline constexpr Phrase kAgreementWeak{"weak agreement", "schwache Übereinstimmung", "accord faible"};
inline constexpr Phrase kAgreementModerate{"moderate agreement", "mäßige Übereinstimmung", "accord modéré"};
inline constexpr Phrase kAgreementStrong{"strong agreement", "starke Übereinstimmung", "accord fort"};
inline constexpr Phrase kAgreementVeryStrong{"very strong agreement", "sehr starke Übereinstimmung",
                                             "accord très fort"};

// The findings (score).
inline constexpr Phrase kOneAnswerPlain{"1 answer", "1 Antwort", "1 réponse"};
inline constexpr Phrase kAnswersPlain{"{n} answers", "{n} Antworten", "{n} réponses"};
inline constexpr Phrase kMixHeadline{"{name}: {mix} ({answers})", "{name}: {mix} ({answers})",
                                     "{name} : {mix} ({answers})"};
inline constexpr Phrase kMixAgreement{"{headline} — {word} ({agreement})", "{headline} — {word} ({agreement})",
                                      "{headline} — {word} ({agreement})"};
inline constexpr Phrase kMixAction{"Ask two people with very different mixes to explain theirs, then agree whose needs "
                                   "the team's goals serve first.",
                                   "Bitten Sie zwei Personen mit sehr unterschiedlicher Mischung, ihre zu erklären, und "
                                   "einigen Sie sich dann, wessen Bedürfnissen die Ziele des Teams zuerst dienen.",
                                   "Demandez à deux personnes aux répartitions très différentes d’expliquer la leur, "
                                   "puis décidez quels besoins les objectifs de l’équipe servent en premier."};
inline constexpr Phrase kFlowHeadline{"{name} — {customer} to {customerShare}, {supplier} to {supplierShare} "
                                      "({answers}): people disagree on which way the work flows",
                                      "{name} — {customer} für {customerShare}, {supplier} für {supplierShare} "
                                      "({answers}): Man ist sich uneins, in welche Richtung die Arbeit fließt",
                                      "{name} — {customer} pour {customerShare}, {supplier} pour {supplierShare} "
                                      "({answers}) : on ne s’accorde pas sur le sens dans lequel va le travail"};
inline constexpr Phrase kFlowAction{"Ask what the team gives {name} and what it gets from them; agree whether their "
                                    "needs or their input come first.",
                                    "Fragen Sie, was das Team {name} gibt und was es von ihnen bekommt; einigen Sie "
                                    "sich, ob deren Bedürfnisse oder deren Beiträge Vorrang haben.",
                                    "Demandez ce que l’équipe apporte à {name} et ce qu’elle en reçoit ; décidez si "
                                    "leurs besoins ou leurs apports passent en premier."};
inline constexpr Phrase kNoSharedView{"{name} — no shared view of their role: {roles} ({answers})",
                                      "{name} — keine gemeinsame Sicht auf ihre Rolle: {roles} ({answers})",
                                      "{name} — pas de vision commune de leur rôle : {roles} ({answers})"};
inline constexpr Phrase kTalkThrough{"Talk through what the team gives {name} and what it gets back, then agree on "
                                     "one role.",
                                     "Besprechen Sie, was das Team {name} gibt und was es zurückbekommt, und einigen "
                                     "Sie sich auf eine Rolle.",
                                     "Passez en revue ce que l’équipe apporte à {name} et ce qu’elle reçoit en "
                                     "retour, puis mettez-vous d’accord sur un rôle."};
inline constexpr Phrase kMostly{"{name} — mostly {role} ({share}, {count} of {n})",
                                "{name} — überwiegend {role} ({share}, {count} von {n})",
                                "{name} — surtout {role} ({share}, {count} sur {n})"};
inline constexpr Phrase kPoorlyUnderstood{"{name} — needs poorly understood by {share} ({hits} of {n}), mean {mean} "
                                          "on {min}–{max}",
                                          "{name} — Bedürfnisse schlecht verstanden von {share} ({hits} von {n}), "
                                          "Mittelwert {mean} auf {min}–{max}",
                                          "{name} — besoins mal compris par {share} ({hits} sur {n}), moyenne {mean} "
                                          "sur {min}–{max}"};
inline constexpr Phrase kLearnDrivers{"Most of the team call {name} a customer: learn what drives them, not only what "
                                      "they ask for.",
                                      "Die meisten im Team nennen {name} einen Kunden: Finden Sie heraus, was sie "
                                      "antreibt, nicht nur, was sie verlangen.",
                                      "La plupart de l’équipe voient {name} comme un client : cherchez ce qui les "
                                      "motive, pas seulement ce qu’ils demandent."};
inline constexpr Phrase kInvite{"Invite someone from {name} to tell the team what they need from its work.",
                                "Laden Sie jemanden von {name} ein, dem Team zu erzählen, was sie von seiner Arbeit "
                                "brauchen.",
                                "Invitez quelqu’un de {name} à dire à l’équipe ce dont ils ont besoin de son "
                                "travail."};

} // namespace alignkiosk::plugins::stakeholder_mapping::words
