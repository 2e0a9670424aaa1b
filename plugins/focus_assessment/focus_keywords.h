// Whether people name the same one big goal: the key words of the goal sentences and how much the sentences overlap.
// Pure functions over plain strings, no ImGui and no host, so the rules can be tested on their own.
//
// A key word is a run of letters and digits (any non-ASCII letter counts; UTF-8 is never split) with at least one
// letter and at least kMinKeyWordLength characters, lower-cased in ASCII, that is not a stop word of the survey's
// language. "Customer's" counts as "customer"; hyphens and punctuation separate words. In English a regular plural
// counts with its singular ("clients" and "client" are one key word; "companies" and "company" too), shown in the form
// most participants wrote.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::plugins::focus_assessment {

// Shorter words ("AI", "to", "of") carry too little to compare goals by.
inline constexpr size_t kMinKeyWordLength = 3;

struct KeyWord {
    std::string key;  // what is compared: lower-case, the English plural folded to the singular
    std::string form; // as it appears (lower-case), e.g. "clients"
};

// The key words of one sentence, each key once, in the order they first appear.
std::vector<KeyWord> keyWords(std::string_view sentence, std::string_view language);

struct SharedWord {
    std::string word;          // the form most participants who used it wrote (ties: the shorter, then alphabetical)
    uint32_t participants = 0; // sentences using it (each sentence counts once)
};

// Sentences whose pairs the mean Jaccard similarity is taken over (see GoalOverlap::meanJaccard).
inline constexpr size_t kJaccardSample = 2000;

struct GoalOverlap {
    uint32_t sentences = 0; // N: the non-blank sentences
    // Key words used by at least two participants (a word only one person used could point at them), most used first,
    // ties alphabetical; at most the number asked for.
    std::vector<SharedWord> shared;
    // Mean pairwise Jaccard similarity of the sentences' key-word sets (Jaccard 1912, "The distribution of the flora in
    // the alpine zone", New Phytologist 11:37-50): J(A, B) = |A n B| / |A u B|, 0 when both sets are empty, averaged
    // over all N(N-1)/2 pairs of sentences. 0 with fewer than two sentences. Beyond kJaccardSample sentences, over the
    // pairs of the first kJaccardSample: the answers come shuffled, so they are a random sample, and the mean of its
    // ~2 million pairs is within about 0.01 of the whole's (a company-wide pulse would otherwise take hours to draw).
    double meanJaccard = 0.0;
    // Sentences sharing at least one key word with at least one other sentence.
    uint32_t sentencesSharing = 0;
};

// The overlap of `sentences` (blank ones are left out), keeping at most `maxShared` shared words.
GoalOverlap goalOverlap(const std::vector<std::string_view>& sentences, std::string_view language, size_t maxShared);

} // namespace alignkiosk::plugins::focus_assessment
