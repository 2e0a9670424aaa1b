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

} // namespace alignkiosk::plugins::diagnostic_signs::words
