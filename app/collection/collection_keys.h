// A collection's identity: the X25519 key pair a collector makes when a collection starts, and the short id derived
// from its public key that bundles, laptops and people use to name the collection.
//
// Laptops seal each submission to the public key (sealed_submission.h); only the collector, holding the secret key,
// can open it. The secret key lives in sodium_malloc'd memory (guarded pages, never swapped, zeroed when freed). The
// collector keeps it across restarts as text in its store's settings: secretText() / fromSecretText().
//
// Threads: a CollectionKeys is immutable once made; any thread may use it.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::collection {

inline constexpr std::size_t kPublicKeyBytes = 32;    // crypto_box_PUBLICKEYBYTES
inline constexpr std::size_t kSecretKeyBytes = 32;    // crypto_box_SECRETKEYBYTES
inline constexpr std::size_t kCollectionIdBytes = 8;  // first bytes of the public key's hash

// A key text that cannot be read; the message says why (never quotes the secret).
class KeyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The first 8 bytes of BLAKE2b-256("alignkiosk collection id v1" || public key), written as 16 lowercase hex digits.
// A name, not a proof: whoever holds the public key can compute it.
struct CollectionId {
    std::array<unsigned char, kCollectionIdBytes> bytes{};

    std::string text() const;
    // 16 hex digits (either case); nothing else.
    static std::optional<CollectionId> fromText(std::string_view text);
    bool operator==(const CollectionId&) const = default;
};

class CollectionPublicKey {
public:
    explicit CollectionPublicKey(const std::array<unsigned char, kPublicKeyBytes>& bytes) : m_bytes(bytes) {}

    const std::array<unsigned char, kPublicKeyBytes>& bytes() const { return m_bytes; }
    CollectionId id() const;
    // "collection-public-key-1:" followed by 64 lowercase hex digits.
    std::string text() const;
    // Reads text(); surrounding white space is ignored. Throws KeyError saying what is wrong.
    static CollectionPublicKey fromText(std::string_view text);
    bool operator==(const CollectionPublicKey&) const = default;

private:
    std::array<unsigned char, kPublicKeyBytes> m_bytes;
};

class CollectionKeys {
public:
    // A fresh key pair from libsodium's random source.
    static CollectionKeys generate();
    // Reads secretText(); the public key is derived from the secret one. Throws KeyError saying what is wrong.
    static CollectionKeys fromSecretText(std::string_view text);

    CollectionKeys(CollectionKeys&&) noexcept = default;
    CollectionKeys& operator=(CollectionKeys&&) noexcept = default;
    CollectionKeys(const CollectionKeys&) = delete;
    CollectionKeys& operator=(const CollectionKeys&) = delete;
    ~CollectionKeys() = default;

    const CollectionPublicKey& publicKey() const { return m_public; }
    CollectionId id() const { return m_public.id(); }
    // "collection-secret-key-1:" followed by 64 lowercase hex digits. The caller owns this copy of the secret: keep
    // it only where the collector's store keeps its settings.
    std::string secretText() const;
    // Opens a crypto_box_seal message sealed to this key pair. Nothing when it was sealed to another key, or altered.
    std::optional<std::vector<unsigned char>> unseal(const unsigned char* sealed, std::size_t size) const;

private:
    struct SecretFree {
        void operator()(unsigned char* secret) const noexcept;
    };
    using Secret = std::unique_ptr<unsigned char, SecretFree>;

    CollectionKeys(Secret secret, const CollectionPublicKey& publicKey)
        : m_secret(std::move(secret)), m_public(publicKey) {}
    static Secret allocateSecret();

    Secret m_secret; // kSecretKeyBytes in sodium_malloc'd memory
    CollectionPublicKey m_public;
};

} // namespace alignkiosk::collection
