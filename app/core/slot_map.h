// Which slots of the response store are used: one bit per slot, 4096 slots to a row of the `slot_map` table (schema
// v4), so a reader finds new answers by comparing bits instead of reading old answers. The bits say what the slots'
// `used` column says (which slots are taken), never when or in which order they were taken.
//
// Numbering follows the slots': a slot is (class << 32) + n, its chunk is (class << 32) + n / 4096, and within the
// chunk's 512-byte blob it is bit n % 8 of byte (n % 4096) / 8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace alignkiosk::core::slot_map {

inline constexpr uint64_t kSlotsPerChunk = 4096;
inline constexpr std::size_t kChunkBytes = kSlotsPerChunk / 8;

constexpr int slotClassOf(int64_t slotOrChunk) { return static_cast<int>(static_cast<uint64_t>(slotOrChunk) >> 32); }
constexpr uint64_t indexInClass(int64_t slotOrChunk) { return static_cast<uint64_t>(slotOrChunk) & 0xffffffffu; }

constexpr int64_t chunkOf(int64_t slot) {
    return static_cast<int64_t>((static_cast<uint64_t>(slotClassOf(slot)) << 32) + indexInClass(slot) / kSlotsPerChunk);
}
constexpr int64_t chunkNumber(int slotClass, uint64_t chunkIndex) {
    return static_cast<int64_t>((static_cast<uint64_t>(slotClass) << 32) + chunkIndex);
}
// The first slot of a chunk.
constexpr int64_t firstSlotOf(int64_t chunk) {
    return static_cast<int64_t>((static_cast<uint64_t>(slotClassOf(chunk)) << 32) + indexInClass(chunk) * kSlotsPerChunk);
}
// Chunks a class of `capacity` slots needs.
constexpr uint64_t chunksFor(uint64_t capacity) { return (capacity + kSlotsPerChunk - 1) / kSlotsPerChunk; }

// Bit `bit` (0..4095) of a chunk's blob.
inline bool isSet(const std::string& bits, uint64_t bit) {
    return (static_cast<unsigned char>(bits[bit / 8]) >> (bit % 8)) & 1u;
}
inline void set(std::string& bits, uint64_t bit) {
    bits[bit / 8] = static_cast<char>(static_cast<unsigned char>(bits[bit / 8]) | (1u << (bit % 8)));
}
inline void clear(std::string& bits, uint64_t bit) {
    bits[bit / 8] = static_cast<char>(static_cast<unsigned char>(bits[bit / 8]) & ~(1u << (bit % 8)));
}

} // namespace alignkiosk::core::slot_map
