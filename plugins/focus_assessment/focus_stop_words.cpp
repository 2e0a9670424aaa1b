// Words too common to say what a goal is about, per survey language. English only for now: a survey in another
// language gets no stop words (its key words are then every word of three letters or more; see README).
#include "focus_stop_words.h"

#include <algorithm>
#include <array>

namespace alignkiosk::plugins::focus_assessment {

namespace {

// Lower-case, sorted (std::binary_search needs it; a test checks the order). Function words (articles, pronouns,
// auxiliaries and modals, prepositions, conjunctions, frequent adverbs and their contractions), and the few words
// nearly every "one big goal" sentence uses whatever the goal is ("goal", "big", "want", ...).
constexpr std::array kEnglish = std::to_array<std::string_view>({
    "able",    "about",    "above",   "achieve", "across",  "after",   "again",   "against", "aim",     "all",
    "also",    "always",   "among",   "and",     "another", "any",     "are",     "aren't",  "around",  "because",
    "been",    "before",   "being",   "below",   "better",  "between", "big",     "both",    "but",     "can",
    "can't",   "cannot",   "could",   "couldn't", "did",    "didn't",  "does",    "doesn't", "doing",   "don't",
    "down",    "during",   "each",    "either",  "else",    "enough",  "etc",     "even",    "ever",    "every",
    "few",     "for",      "from",    "further", "get",     "gets",    "getting", "goal",    "goals",   "going",
    "got",     "had",      "has",     "have",    "having",  "he's",    "her",     "here",    "hers",    "herself",
    "him",     "himself",  "his",     "how",     "i'd",     "i'll",    "i'm",     "i've",    "into",    "isn't",
    "it's",    "its",      "itself",  "just",    "keep",    "less",    "let",     "let's",   "like",    "lot",
    "lots",    "main",     "make",    "makes",   "making",  "many",    "may",     "maybe",   "might",   "mine",
    "more",    "most",     "much",    "must",    "myself",  "need",    "needs",   "neither", "never",   "nor",
    "not",     "now",      "off",     "once",    "one",     "only",    "onto",    "other",   "others",  "ought",
    "our",     "ours",     "ourselves", "out",   "over",    "own",     "per",     "really",  "same",    "shall",
    "she",     "she's",    "should",  "shouldn't", "since", "some",    "still",   "such",    "than",    "that",
    "that's",  "the",      "their",   "theirs",  "them",    "themselves", "then", "there",   "there's", "these",
    "they",    "they'd",   "they'll", "they're", "they've", "thing",   "things",  "this",    "those",   "though",
    "through", "thus",     "too",     "toward",  "towards", "under",   "until",   "upon",    "very",    "via",
    "want",    "wants",    "was",     "wasn't",  "way",     "we'd",    "we'll",   "we're",   "we've",   "well",
    "were",    "weren't",  "what",    "what's",  "when",    "where",   "whether", "which",   "while",   "who",
    "whom",    "whose",    "why",     "will",    "with",    "within",  "without", "won't",   "would",   "wouldn't",
    "yes",     "yet",      "you",     "you'd",   "you'll",  "you're",  "you've",  "your",    "yours",   "yourself",
});

} // namespace

bool isEnglish(std::string_view language) {
    // "und" is the tag while the kiosk is only validating; an empty tag is treated the same.
    return language.empty() || language == "und" || language == "en" || language.substr(0, 3) == "en-";
}

bool isStopWord(std::string_view word, std::string_view language) {
    if (!isEnglish(language)) return false;
    return std::binary_search(kEnglish.begin(), kEnglish.end(), word);
}

bool stopWordsAreSorted() { return std::is_sorted(kEnglish.begin(), kEnglish.end()); }

bool hasStopWords(std::string_view language) { return isEnglish(language); }

} // namespace alignkiosk::plugins::focus_assessment
