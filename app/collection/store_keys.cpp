#include "collection/store_keys.h"

#include <sodium.h>

#include <string>

namespace alignkiosk::collection {

std::optional<CollectionKeys> storedCollectionKeys(const core::AnswerStore& store) {
    std::optional<std::string> text = store.setting(kCollectionSecretKeySetting);
    if (!text) return std::nullopt;
    std::optional<CollectionKeys> keys;
    try {
        keys.emplace(CollectionKeys::fromSecretText(*text));
    } catch (const KeyError& error) {
        sodium_memzero(text->data(), text->size());
        throw KeyError(store.path().string() + ": its setting " + kCollectionSecretKeySetting +
                       " cannot be read: " + error.what());
    }
    sodium_memzero(text->data(), text->size());
    return keys;
}

CollectionKeys collectionKeysOf(core::AnswerStore& store) {
    if (std::optional<CollectionKeys> keys = storedCollectionKeys(store)) return std::move(*keys);
    // Collectors starting together on one database keep the key pair the first of them made.
    std::string text = CollectionKeys::generate().secretText();
    std::string kept = store.keepSetting(kCollectionSecretKeySetting, text);
    sodium_memzero(text.data(), text.size());
    sodium_memzero(kept.data(), kept.size());
    return std::move(*storedCollectionKeys(store));
}

} // namespace alignkiosk::collection
