// Where a collection's keys live when they are not in a running collector's memory: in the settings of a response
// store. The facilitator's store keeps its collection's secret key (made on first use); a station that was given a
// collection's public key may keep it for `alignkiosk bundle`. Settings describe the kiosk, never a participant.
#pragma once

#include "collection/collection_keys.h"
#include "core/answer_store.h"

#include <optional>

namespace alignkiosk::collection {

// The setting that holds the collection's secret key text (collection-secret-key-1:...).
inline constexpr const char* kCollectionSecretKeySetting = "collection_secret_key";
// The setting where a station keeps the public key text of the collection it bundles for.
inline constexpr const char* kCollectionPublicKeySetting = "collection_public_key";

// The store's collection keys, if it has made them. Throws KeyError when the setting is there but unreadable.
std::optional<CollectionKeys> storedCollectionKeys(const core::AnswerStore& store);

// The store's collection keys, made and kept (durably) on first use. Throws KeyError as above, core::StoreError when
// the store cannot keep them.
CollectionKeys collectionKeysOf(core::AnswerStore& store);

} // namespace alignkiosk::collection
