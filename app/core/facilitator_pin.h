// The facilitator PIN that opens the dashboard from the running kiosk. Only a salted, slow hash of it is ever stored
// (libsodium's Argon2id string, which carries its own salt and parameters), and wrong tries are throttled.
//
// Threads: the free functions may be called from any thread; a PinGuard is used by one thread at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace alignkiosk::core {

class AnswerStore;

// The PIN could not be hashed (not 4-8 digits, or libsodium failed) or a hash could not be stored.
class PinError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

constexpr std::size_t kMinPinDigits = 4;
constexpr std::size_t kMaxPinDigits = 8;

// The store setting that holds the hash.
constexpr const char* kPinHashSettingKey = "facilitator_pin_hash";
// The store setting that holds the wrong-try throttle, so a restart does not give a guesser fresh tries. It says how
// many wrong PINs were typed in a row and how long the lock-out still had to run: a duration, never a time of day,
// because the store keeps no time finer than the day (a wrong try's time could point at whoever stood there).
constexpr const char* kPinThrottleSettingKey = "facilitator_pin_throttle";

// The throttle as it outlives the program. After a restart the lock-out runs its remaining time again in full, which
// can only make it stricter.
struct PinThrottle {
    int wrongTries = 0;
    int64_t lockedForSeconds = 0; // 0 = not locked
    bool operator==(const PinThrottle&) const = default;
};

// 4 to 8 ASCII digits, nothing else.
bool isValidPin(std::string_view pin);

// An Argon2id hash string ("$argon2id$v=19$m=...,t=...,p=...$salt$hash") with a fresh random salt, so two calls give
// different strings. Takes about a tenth of a second on purpose. Throws PinError when the PIN is not valid.
std::string hashPin(std::string_view pin);

// Whether pin matches hash (as hashPin made it). False for an invalid PIN or a malformed hash; never throws on input.
bool verifyPin(std::string_view pin, const std::string& hash);

// Whether text has the shape of a hash this program makes (so a raw PIN is never stored by mistake).
bool looksLikePinHash(std::string_view text);

// Overwrites the characters before clearing, so an entered PIN does not linger in freed memory.
void wipePin(std::string& pin);

// The hash in a store's settings, if one was chosen.
std::optional<std::string> loadPinHash(const AnswerStore& store);
// Stores hash (refused with PinError unless looksLikePinHash); throws StoreError when the store fails.
void savePinHash(AnswerStore& store, const std::string& hash);

// The stored throttle (a malformed value reads as the strictest: locked out for kMaxLockout).
PinThrottle loadPinThrottle(const AnswerStore& store);
void savePinThrottle(AnswerStore& store, const PinThrottle& throttle);

// Forgets the PIN and its throttle (`alignkiosk reset-pin`): the next start asks for a new PIN before anything else.
// Returns whether a PIN had been set.
bool resetPin(AnswerStore& store);

enum class PinCheck {
    Accepted,  // the PIN matched; the count of wrong tries starts again
    Rejected,  // wrong PIN (or no hash to check against)
    LockedOut, // refused without checking: wait lockoutRemaining()
};

// Throttles guessing: the kTriesBeforeLockout-th wrong try in a row locks the guard for kFirstLockout, and every
// further wrong try for twice as long as the one before, up to kMaxLockout (5 s, 10 s, 20 s, ... 5 min). Tries during
// a lock-out are refused without looking at the PIN and do not count. A right PIN resets the count. The count outlives
// a restart through snapshot()/restore() and the store's settings.
class PinGuard {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    static constexpr int kTriesBeforeLockout = 3;
    static constexpr std::chrono::seconds kFirstLockout{5};
    static constexpr std::chrono::seconds kMaxLockout{300};

    // clock: empty = std::chrono::steady_clock::now.
    explicit PinGuard(Clock clock = {});

    PinCheck check(std::string_view pin, const std::optional<std::string>& hash);

    bool lockedOut() const { return lockoutRemaining() > std::chrono::steady_clock::duration::zero(); }
    // Zero when tries are allowed.
    std::chrono::steady_clock::duration lockoutRemaining() const;
    // Wrong tries since the last right one.
    int wrongTries() const { return m_wrongTries; }

    // The lock-out that follows the given number of wrong tries in a row (zero below kTriesBeforeLockout).
    static std::chrono::seconds lockoutAfter(int wrongTries);

    // The state to keep, and back. A restored lock-out starts now and never lasts longer than kMaxLockout.
    PinThrottle snapshot() const;
    void restore(const PinThrottle& throttle);

private:
    std::chrono::steady_clock::time_point now() const;

    Clock m_clock;
    int m_wrongTries = 0;
    std::optional<std::chrono::steady_clock::time_point> m_lockedUntil;
};

} // namespace alignkiosk::core
