#include "collection/collection_keys.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace alignkiosk::collection {
namespace {

TEST(CollectionKeysTest, GeneratedKeysDiffer) {
    const CollectionKeys a = CollectionKeys::generate();
    const CollectionKeys b = CollectionKeys::generate();
    EXPECT_NE(a.publicKey(), b.publicKey());
    EXPECT_NE(a.id(), b.id());
    EXPECT_NE(a.secretText(), b.secretText());
}

TEST(CollectionKeysTest, SecretTextRoundTripsToTheSameKeyPair) {
    const CollectionKeys keys = CollectionKeys::generate();
    const std::string text = keys.secretText();
    EXPECT_EQ(text.rfind("collection-secret-key-1:", 0), 0u);
    EXPECT_EQ(text.size(), std::string("collection-secret-key-1:").size() + 64);
    const CollectionKeys again = CollectionKeys::fromSecretText("  " + text + "\n");
    EXPECT_EQ(again.publicKey(), keys.publicKey());
    EXPECT_EQ(again.id(), keys.id());
    EXPECT_EQ(again.secretText(), text);
}

TEST(CollectionKeysTest, PublicTextRoundTrips) {
    const CollectionKeys keys = CollectionKeys::generate();
    const std::string text = keys.publicKey().text();
    EXPECT_EQ(text.rfind("collection-public-key-1:", 0), 0u);
    EXPECT_EQ(CollectionPublicKey::fromText(text), keys.publicKey());
    // Hex digits in either case are the same key.
    std::string upper = text;
    for (std::size_t i = std::string("collection-public-key-1:").size(); i < upper.size(); ++i)
        upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
    EXPECT_EQ(CollectionPublicKey::fromText(upper), keys.publicKey());
}

TEST(CollectionKeysTest, IdIsTheFirstEightBytesOfTheDomainSeparatedHash) {
    const CollectionKeys keys = CollectionKeys::generate();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    const std::string domain = "alignkiosk collection id v1";
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
    crypto_generichash_update(&state, keys.publicKey().bytes().data(), keys.publicKey().bytes().size());
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash_final(&state, hash, sizeof hash);
    for (std::size_t i = 0; i < kCollectionIdBytes; ++i) EXPECT_EQ(keys.id().bytes[i], hash[i]) << i;
    EXPECT_EQ(keys.id().text().size(), 16u);
    EXPECT_EQ(CollectionId::fromText(keys.id().text()), keys.id());
}

TEST(CollectionKeysTest, CollectionIdTextMustBeSixteenHexDigits) {
    EXPECT_TRUE(CollectionId::fromText("0123456789abcdef"));
    EXPECT_TRUE(CollectionId::fromText("0123456789ABCDEF"));
    EXPECT_FALSE(CollectionId::fromText("0123456789abcde"));
    EXPECT_FALSE(CollectionId::fromText("0123456789abcdef0"));
    EXPECT_FALSE(CollectionId::fromText("0123456789abcdeg"));
    EXPECT_FALSE(CollectionId::fromText(""));
}

// Each refusal says what is wrong, and never repeats the secret digits it was given.
TEST(CollectionKeysTest, BadSecretTextsAreRefusedWithAReason) {
    const std::string prefix = "collection-secret-key-1:";
    const std::string digits(64, 'a');
    struct Case {
        std::string text;
        std::string says;
    };
    const Case cases[] = {
        {"", "should start with 'collection-secret-key-1:'"},
        {"collection-public-key-1:" + digits, "should start with 'collection-secret-key-1:'"},
        {prefix + digits.substr(0, 63), "this one has 63 characters"},
        {prefix + digits + "a", "this one has 65 characters"},
        {prefix + digits.substr(0, 62) + "zz", "only hex digits"},
        {prefix + digits.substr(0, 62) + " a", "only hex digits"},
    };
    for (const Case& c : cases) {
        try {
            CollectionKeys::fromSecretText(c.text);
            ADD_FAILURE() << "accepted " << c.text;
        } catch (const KeyError& error) {
            EXPECT_NE(std::string(error.what()).find(c.says), std::string::npos) << error.what();
            EXPECT_EQ(std::string(error.what()).find(digits.substr(0, 16)), std::string::npos) << error.what();
        }
    }
}

TEST(CollectionKeysTest, BadPublicTextsAreRefusedWithAReason) {
    const std::string prefix = "collection-public-key-1:";
    EXPECT_THROW(CollectionPublicKey::fromText("collection-secret-key-1:" + std::string(64, '1')), KeyError);
    EXPECT_THROW(CollectionPublicKey::fromText(prefix + std::string(63, '1')), KeyError);
    EXPECT_THROW(CollectionPublicKey::fromText(prefix + std::string(63, '1') + "x"), KeyError);
    try {
        CollectionPublicKey::fromText(prefix + std::string(64, '0'));
        ADD_FAILURE() << "accepted the zero key";
    } catch (const KeyError& error) {
        EXPECT_NE(std::string(error.what()).find("all zeros"), std::string::npos) << error.what();
    }
}

TEST(CollectionKeysTest, UnsealOpensOnlyWhatWasSealedToThisKey) {
    const CollectionKeys keys = CollectionKeys::generate();
    const CollectionKeys other = CollectionKeys::generate();
    const std::string message = "sealed words";
    std::vector<unsigned char> sealed(message.size() + crypto_box_SEALBYTES);
    ASSERT_EQ(crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                              keys.publicKey().bytes().data()),
              0);
    const auto opened = keys.unseal(sealed.data(), sealed.size());
    ASSERT_TRUE(opened);
    EXPECT_EQ(std::string(opened->begin(), opened->end()), message);
    EXPECT_FALSE(other.unseal(sealed.data(), sealed.size()));
    sealed.back() ^= 1;
    EXPECT_FALSE(keys.unseal(sealed.data(), sealed.size()));
    EXPECT_FALSE(keys.unseal(sealed.data(), crypto_box_SEALBYTES - 1));
}

TEST(CollectionKeysTest, MovedKeysStillOpen) {
    CollectionKeys keys = CollectionKeys::generate();
    const CollectionPublicKey publicKey = keys.publicKey();
    CollectionKeys moved = std::move(keys);
    EXPECT_THROW(static_cast<void>(keys.secretText()), std::logic_error) << "a moved-from key pair holds no secret";
    std::vector<unsigned char> sealed(1 + crypto_box_SEALBYTES);
    const unsigned char byte = 7;
    ASSERT_EQ(crypto_box_seal(sealed.data(), &byte, 1, publicKey.bytes().data()), 0);
    const auto opened = moved.unseal(sealed.data(), sealed.size());
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->at(0), 7);
}

} // namespace
} // namespace alignkiosk::collection
