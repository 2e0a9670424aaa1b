#include "collection_keys.h"

#include "sodium_ready.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace alignkiosk::collection {

static_assert(kPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kSecretKeyBytes == crypto_scalarmult_BYTES);

namespace {

constexpr std::string_view kPublicPrefix = "collection-public-key-1:";
constexpr std::string_view kSecretPrefix = "collection-secret-key-1:";
constexpr std::string_view kIdDomain = "alignkiosk collection id v1";

std::string_view trimmed(std::string_view text) {
    const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

std::string hexOf(const unsigned char* bytes, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

// Exactly size bytes as 2 * size hex digits; sodium_hex2bin runs in constant time, so a secret's digits do not leak
// through timing. False for anything else.
bool readHex(std::string_view hex, unsigned char* out, std::size_t size) {
    if (hex.size() != size * 2) return false;
    std::size_t written = 0;
    const char* end = nullptr;
    return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &written, &end) == 0 && written == size &&
           end == hex.data() + hex.size();
}

// The hex digits after `prefix`, or a KeyError naming what the text should have been.
std::string_view keyDigits(std::string_view text, std::string_view prefix, const char* what) {
    text = trimmed(text);
    if (text.substr(0, prefix.size()) != prefix)
        throw KeyError(std::string("not a ") + what + " (it should start with '" + std::string(prefix) + "')");
    text.remove_prefix(prefix.size());
    if (text.size() != 2 * kPublicKeyBytes)
        throw KeyError(std::string("a ") + what + " has 64 hex digits after its prefix, this one has " +
                       std::to_string(text.size()) + " characters");
    return text;
}

} // namespace

std::string CollectionId::text() const { return hexOf(bytes.data(), bytes.size()); }

std::optional<CollectionId> CollectionId::fromText(std::string_view text) {
    CollectionId id;
    if (!readHex(text, id.bytes.data(), id.bytes.size())) return std::nullopt;
    return id;
}

CollectionId CollectionPublicKey::id() const {
    requireSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kIdDomain.data()), kIdDomain.size());
    crypto_generichash_update(&state, m_bytes.data(), m_bytes.size());
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    CollectionId id;
    std::copy_n(hash.begin(), id.bytes.size(), id.bytes.begin());
    return id;
}

std::string CollectionPublicKey::text() const {
    return std::string(kPublicPrefix) + hexOf(m_bytes.data(), m_bytes.size());
}

CollectionPublicKey CollectionPublicKey::fromText(std::string_view text) {
    requireSodium();
    const std::string_view digits = keyDigits(text, kPublicPrefix, "collection public key");
    std::array<unsigned char, kPublicKeyBytes> bytes{};
    if (!readHex(digits, bytes.data(), bytes.size()))
        throw KeyError("a collection public key has only hex digits (0-9, a-f) after its prefix");
    // Nothing can be sealed to the all-zero point; a key that is all zeros was never made by generate().
    if (sodium_is_zero(bytes.data(), bytes.size())) throw KeyError("the collection public key is all zeros");
    return CollectionPublicKey(bytes);
}

void CollectionKeys::SecretFree::operator()(unsigned char* secret) const noexcept { sodium_free(secret); }

CollectionKeys::Secret CollectionKeys::allocateSecret() {
    requireSodium();
    auto* memory = static_cast<unsigned char*>(sodium_malloc(kSecretKeyBytes));
    if (!memory) throw std::bad_alloc();
    return Secret(memory);
}

CollectionKeys CollectionKeys::generate() {
    Secret secret = allocateSecret();
    std::array<unsigned char, kPublicKeyBytes> publicBytes{};
    if (crypto_box_keypair(publicBytes.data(), secret.get()) != 0)
        throw std::runtime_error("libsodium could not make a key pair");
    return CollectionKeys(std::move(secret), CollectionPublicKey(publicBytes));
}

CollectionKeys CollectionKeys::fromSecretText(std::string_view text) {
    const std::string_view digits = keyDigits(text, kSecretPrefix, "collection secret key");
    Secret secret = allocateSecret();
    if (!readHex(digits, secret.get(), kSecretKeyBytes))
        throw KeyError("a collection secret key has only hex digits (0-9, a-f) after its prefix");
    std::array<unsigned char, kPublicKeyBytes> publicBytes{};
    if (crypto_scalarmult_base(publicBytes.data(), secret.get()) != 0 ||
        sodium_is_zero(publicBytes.data(), publicBytes.size()))
        throw KeyError("the collection secret key gives no usable public key");
    return CollectionKeys(std::move(secret), CollectionPublicKey(publicBytes));
}

std::string CollectionKeys::secretText() const {
    if (!m_secret) throw std::logic_error("collection keys used after they were moved from");
    std::string hex(kSecretKeyBytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), m_secret.get(), kSecretKeyBytes);
    hex.pop_back();
    std::string text = std::string(kSecretPrefix) + hex;
    sodium_memzero(hex.data(), hex.size());
    return text;
}

std::optional<std::vector<unsigned char>> CollectionKeys::unseal(const unsigned char* sealed, std::size_t size) const {
    if (!m_secret) throw std::logic_error("collection keys used after they were moved from");
    if (size < crypto_box_SEALBYTES) return std::nullopt;
    std::vector<unsigned char> plain(size - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(plain.data(), sealed, size, m_public.bytes().data(), m_secret.get()) != 0)
        return std::nullopt;
    return plain;
}

} // namespace alignkiosk::collection
