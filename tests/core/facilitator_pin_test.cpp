// The facilitator PIN: Argon2id hashing, verification, the wrong-try throttle on a fake clock, and the hash kept in
// the store's settings.
#include "support/temp_dir.h"
#include "core/facilitator_pin.h"

#include "core/response_store.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <chrono>
#include <climits>
#include <filesystem>
#include <string>
#include <vector>

namespace alignkiosk::core {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::seconds;

// Hashing is slow on purpose: one hash of "1234" shared by the tests that only need some valid hash.
const std::string& hashOf1234() {
    static const std::string hash = hashPin("1234");
    return hash;
}

// [SECTION] Hashing

TEST(FacilitatorPin, AcceptsOnlyFourToEightDigits) {
    for (const char* pin : {"0000", "1234", "12345", "1234567", "12345678", "00000000"})
        EXPECT_TRUE(isValidPin(pin)) << pin;
    const std::vector<std::string> bad = {"",         "1",         "123",       "123456789", "12a4", " 1234",
                                          "1234 ",    "12-34",     "+1234",     "１２３４",  "١٢٣٤", "abcd",
                                          std::string("12\0" "34", 5)};
    for (const std::string& pin : bad) {
        EXPECT_FALSE(isValidPin(pin)) << pin;
        EXPECT_THROW(hashPin(pin), PinError) << pin;
        EXPECT_FALSE(verifyPin(pin, hashOf1234())) << pin;
    }
}

TEST(FacilitatorPin, HashIsASaltedArgon2idStringNotThePin) {
    const std::string first = hashPin("1234");
    const std::string second = hashPin("1234");
    // A fresh random salt every time: the same PIN never gives the same string.
    EXPECT_NE(first, second);
    for (const std::string& hash : {first, second}) {
        EXPECT_NE(hash, "1234");
        // Argon2id v1.3 with libsodium's interactive cost: 64 MiB = 65536 KiB, 2 passes, 1 lane.
        EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << hash;
        EXPECT_TRUE(looksLikePinHash(hash)) << hash;
    }
    EXPECT_TRUE(verifyPin("1234", first));
    EXPECT_TRUE(verifyPin("1234", second));
}

TEST(FacilitatorPin, VerifiesTheRightPinOnly) {
    const std::string hash = hashPin("20261122");
    EXPECT_TRUE(verifyPin("20261122", hash));
    EXPECT_FALSE(verifyPin("20261123", hash));
    EXPECT_FALSE(verifyPin("2026112", hash));
    EXPECT_FALSE(verifyPin("1234", hash));
    EXPECT_TRUE(verifyPin("1234", hashOf1234()));
    EXPECT_FALSE(verifyPin("4321", hashOf1234()));
    EXPECT_FALSE(verifyPin("12340", hashOf1234()));
}

TEST(FacilitatorPin, MalformedHashesNeverVerify) {
    const std::string& good = hashOf1234();
    for (const std::string& hash : {std::string(), std::string("1234"), std::string("$argon2id$"),
                                    good.substr(0, good.size() - 5), "$argon2i$" + good.substr(10),
                                    good + std::string(200, 'A')}) {
        EXPECT_FALSE(verifyPin("1234", hash)) << hash;
    }
}

TEST(FacilitatorPin, WipeClearsTheEnteredDigits) {
    std::string pin = "9876";
    wipePin(pin);
    EXPECT_TRUE(pin.empty());
}

// [SECTION] PinGuard

class FakeClock {
public:
    PinGuard::Clock clock() {
        return [this] { return m_now; };
    }
    void advance(std::chrono::steady_clock::duration by) { m_now += by; }

private:
    std::chrono::steady_clock::time_point m_now{seconds(1000)};
};

TEST(PinGuard, LockoutGrowsFromFiveSecondsAndStopsAtFiveMinutes) {
    EXPECT_EQ(PinGuard::lockoutAfter(0), seconds(0));
    EXPECT_EQ(PinGuard::lockoutAfter(1), seconds(0));
    EXPECT_EQ(PinGuard::lockoutAfter(2), seconds(0));
    EXPECT_EQ(PinGuard::lockoutAfter(3), seconds(5));
    EXPECT_EQ(PinGuard::lockoutAfter(4), seconds(10));
    EXPECT_EQ(PinGuard::lockoutAfter(5), seconds(20));
    EXPECT_EQ(PinGuard::lockoutAfter(6), seconds(40));
    EXPECT_EQ(PinGuard::lockoutAfter(7), seconds(80));
    EXPECT_EQ(PinGuard::lockoutAfter(8), seconds(160));
    EXPECT_EQ(PinGuard::lockoutAfter(9), seconds(300)); // 320 capped
    EXPECT_EQ(PinGuard::lockoutAfter(10), seconds(300));
    EXPECT_EQ(PinGuard::lockoutAfter(INT_MAX), seconds(300));
}

TEST(PinGuard, ThrottleTimeline) {
    FakeClock time;
    PinGuard guard(time.clock());
    const std::optional<std::string> hash = hashOf1234();

    // Three wrong tries: the third locks for 5 s.
    EXPECT_EQ(guard.check("0000", hash), PinCheck::Rejected);
    EXPECT_FALSE(guard.lockedOut());
    time.advance(seconds(1));
    EXPECT_EQ(guard.check("1111", hash), PinCheck::Rejected);
    EXPECT_FALSE(guard.lockedOut());
    EXPECT_EQ(guard.check("2222", hash), PinCheck::Rejected);
    EXPECT_EQ(guard.wrongTries(), 3);
    EXPECT_TRUE(guard.lockedOut());
    EXPECT_EQ(guard.lockoutRemaining(), seconds(5));

    // During the lock-out even the right PIN is refused, and the refusal does not count.
    time.advance(milliseconds(4999));
    EXPECT_EQ(guard.lockoutRemaining(), milliseconds(1));
    EXPECT_EQ(guard.check("1234", hash), PinCheck::LockedOut);
    EXPECT_EQ(guard.check("9999", hash), PinCheck::LockedOut);
    EXPECT_EQ(guard.wrongTries(), 3);

    // Then each wrong try locks twice as long: 10 s, 20 s.
    time.advance(milliseconds(1));
    EXPECT_FALSE(guard.lockedOut());
    EXPECT_EQ(guard.check("3333", hash), PinCheck::Rejected);
    EXPECT_EQ(guard.lockoutRemaining(), seconds(10));
    time.advance(seconds(10));
    EXPECT_EQ(guard.check("4444", hash), PinCheck::Rejected);
    EXPECT_EQ(guard.lockoutRemaining(), seconds(20));
    time.advance(seconds(19));
    EXPECT_EQ(guard.check("1234", hash), PinCheck::LockedOut);
    time.advance(seconds(1));

    // The right PIN gets in and forgets the wrong tries: the next wrong one costs nothing again.
    EXPECT_EQ(guard.check("1234", hash), PinCheck::Accepted);
    EXPECT_EQ(guard.wrongTries(), 0);
    EXPECT_FALSE(guard.lockedOut());
    EXPECT_EQ(guard.check("0000", hash), PinCheck::Rejected);
    EXPECT_EQ(guard.wrongTries(), 1);
    EXPECT_FALSE(guard.lockedOut());
}

TEST(PinGuard, LockoutIsCappedAtFiveMinutes) {
    FakeClock time;
    PinGuard guard(time.clock());
    const std::optional<std::string> hash = hashOf1234();
    // Not-a-PIN tries are wrong tries too, and cost no hashing: the cap is reached quickly.
    for (int i = 0; i < 12; ++i) {
        ASSERT_EQ(guard.check("x", hash), PinCheck::Rejected) << i;
        time.advance(guard.lockoutRemaining());
    }
    EXPECT_EQ(guard.check("x", hash), PinCheck::Rejected);
    EXPECT_EQ(guard.lockoutRemaining(), seconds(300));
}

TEST(PinGuard, WithoutAHashEveryTryIsWrong) {
    FakeClock time;
    PinGuard guard(time.clock());
    EXPECT_EQ(guard.check("1234", std::nullopt), PinCheck::Rejected);
    EXPECT_EQ(guard.wrongTries(), 1);
}

TEST(PinGuard, ALockOutOutlivesARestart) {
    FakeClock time;
    PinGuard guard(time.clock());
    const std::optional<std::string> hash = hashOf1234();
    for (int i = 0; i < 4; ++i) {
        guard.check("x", hash);
        time.advance(guard.lockoutRemaining());
    }
    guard.check("x", hash); // the fifth wrong try: 20 s
    time.advance(seconds(5));
    const PinThrottle kept = guard.snapshot();
    EXPECT_EQ(kept.wrongTries, 5);
    EXPECT_EQ(kept.lockedForSeconds, 15); // a duration, never a time of day

    // A new program, on a steady clock that started anywhere: the remaining 15 s run again from its start.
    FakeClock later;
    PinGuard restarted(later.clock());
    restarted.restore(kept);
    EXPECT_EQ(restarted.wrongTries(), 5);
    EXPECT_EQ(restarted.lockoutRemaining(), seconds(15));
    EXPECT_EQ(restarted.check("1234", hash), PinCheck::LockedOut);
    later.advance(seconds(15));
    EXPECT_EQ(restarted.check("x", hash), PinCheck::Rejected); // the sixth: 40 s, not a fresh 0
    EXPECT_EQ(restarted.lockoutRemaining(), seconds(40));
}

TEST(PinGuard, ARestoredLockOutNeverExceedsTheMaximum) {
    FakeClock time;
    PinGuard guard(time.clock());
    guard.restore({3, 86400});
    EXPECT_EQ(guard.lockoutRemaining(), PinGuard::kMaxLockout);
    guard.restore({0, 0});
    EXPECT_FALSE(guard.lockedOut());
    EXPECT_EQ(guard.snapshot(), PinThrottle{});
}

// [SECTION] In the store

using alignkiosk::test_support::TempDir;

TEST(FacilitatorPin, HashSurvivesAStoreReopen) {
    TempDir dir;
    const fs::path path = dir.path() / "responses.sqlite3";
    {
        auto store = ResponseStore::open(path);
        EXPECT_EQ(loadPinHash(store), std::nullopt);
        savePinHash(store, hashOf1234());
    }
    auto reopened = ResponseStore::open(path);
    const std::optional<std::string> stored = loadPinHash(reopened);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(*stored, hashOf1234());
    EXPECT_EQ(reopened.setting(kPinHashSettingKey), stored);
    EXPECT_TRUE(verifyPin("1234", *stored));
    EXPECT_FALSE(verifyPin("4321", *stored));
}

TEST(FacilitatorPin, TheStoreNeverTakesARawPin) {
    auto store = ResponseStore::open(":memory:");
    EXPECT_THROW(savePinHash(store, "1234"), PinError);
    EXPECT_THROW(savePinHash(store, ""), PinError);
    EXPECT_EQ(loadPinHash(store), std::nullopt);
}

TEST(FacilitatorPin, TheThrottleIsKeptInTheStoreAndResetPinClearsBoth) {
    auto store = ResponseStore::open(":memory:");
    EXPECT_EQ(loadPinThrottle(store), PinThrottle{});
    savePinHash(store, hashOf1234());
    savePinThrottle(store, {4, 40});
    EXPECT_EQ(store.setting(kPinThrottleSettingKey), std::optional<std::string>("4:40"));
    EXPECT_EQ(loadPinThrottle(store), (PinThrottle{4, 40}));
    savePinThrottle(store, {});
    EXPECT_EQ(store.setting(kPinThrottleSettingKey), std::nullopt);

    savePinThrottle(store, {4, 40});
    EXPECT_TRUE(resetPin(store));
    EXPECT_EQ(loadPinHash(store), std::nullopt);
    EXPECT_EQ(loadPinThrottle(store), PinThrottle{});
    EXPECT_FALSE(resetPin(store));
}

TEST(FacilitatorPin, AMangledThrottleReadsAsTheStrictest) {
    auto store = ResponseStore::open(":memory:");
    store.setSetting(kPinThrottleSettingKey, "lots");
    const PinThrottle throttle = loadPinThrottle(store);
    EXPECT_GE(throttle.wrongTries, PinGuard::kTriesBeforeLockout);
    EXPECT_EQ(throttle.lockedForSeconds, PinGuard::kMaxLockout.count());
}

} // namespace
} // namespace alignkiosk::core
