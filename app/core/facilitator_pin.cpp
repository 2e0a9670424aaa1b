#include "facilitator_pin.h"

#include "answer_store.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace alignkiosk::core {

namespace {

// sodium_init() picks the fastest implementations and seeds the random source; once per process is enough.
void ensureSodium() {
    static const int result = sodium_init();
    if (result < 0) throw PinError("cannot initialise libsodium");
}

} // namespace

// [SECTION] Hashing

bool isValidPin(std::string_view pin) {
    return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hashPin(std::string_view pin) {
    if (!isValidPin(pin))
        throw PinError("a facilitator PIN is " + std::to_string(kMinPinDigits) + " to " +
                       std::to_string(kMaxPinDigits) + " digits");
    ensureSodium();
    // Argon2id by name (not crypto_pwhash_str's default), with libsodium's "interactive" cost: 2 passes over 64 MiB.
    std::array<char, crypto_pwhash_argon2id_STRBYTES> out{};
    if (crypto_pwhash_argon2id_str(out.data(), pin.data(), pin.size(), crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) != 0)
        throw PinError("cannot hash the facilitator PIN (out of memory?)");
    return out.data();
}

bool looksLikePinHash(std::string_view text) {
    constexpr std::string_view prefix = crypto_pwhash_argon2id_STRPREFIX;
    return text.size() > prefix.size() && text.size() < crypto_pwhash_argon2id_STRBYTES &&
           text.substr(0, prefix.size()) == prefix && text.find('\0') == std::string_view::npos;
}

bool verifyPin(std::string_view pin, const std::string& hash) {
    if (!isValidPin(pin) || !looksLikePinHash(hash)) return false;
    ensureSodium();
    // The salt and cost are read back from the hash string itself; the comparison is constant-time.
    return crypto_pwhash_argon2id_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

void wipePin(std::string& pin) {
    if (!pin.empty()) sodium_memzero(pin.data(), pin.size());
    pin.clear();
}

std::optional<std::string> loadPinHash(const AnswerStore& store) { return store.setting(kPinHashSettingKey); }

void savePinHash(AnswerStore& store, const std::string& hash) {
    if (!looksLikePinHash(hash)) throw PinError("refusing to store something that is not a PIN hash");
    store.setSetting(kPinHashSettingKey, hash);
}

PinThrottle loadPinThrottle(const AnswerStore& store) {
    const std::optional<std::string> value = store.setting(kPinThrottleSettingKey);
    if (!value) return {};
    long long tries = 0, lockedFor = 0;
    char rest = 0;
    if (std::sscanf(value->c_str(), "%lld:%lld%c", &tries, &lockedFor, &rest) != 2 || tries < 0 || lockedFor < 0)
        return {PinGuard::kTriesBeforeLockout, PinGuard::kMaxLockout.count()};
    return {static_cast<int>(std::min<long long>(tries, 1000)), std::min<long long>(lockedFor, PinGuard::kMaxLockout.count())};
}

void savePinThrottle(AnswerStore& store, const PinThrottle& throttle) {
    if (throttle == PinThrottle{}) {
        store.eraseSetting(kPinThrottleSettingKey);
        return;
    }
    store.setSetting(kPinThrottleSettingKey,
                     std::to_string(throttle.wrongTries) + ":" + std::to_string(throttle.lockedForSeconds));
}

bool resetPin(AnswerStore& store) {
    const bool hadPin = store.setting(kPinHashSettingKey).has_value();
    store.eraseSetting(kPinHashSettingKey);
    store.eraseSetting(kPinThrottleSettingKey);
    return hadPin;
}

// [SECTION] PinGuard

PinGuard::PinGuard(Clock clock) : m_clock(std::move(clock)) {}

std::chrono::steady_clock::time_point PinGuard::now() const {
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

std::chrono::seconds PinGuard::lockoutAfter(int wrongTries) {
    if (wrongTries < kTriesBeforeLockout) return std::chrono::seconds::zero();
    std::chrono::seconds lockout = kFirstLockout;
    for (int extra = wrongTries - kTriesBeforeLockout; extra > 0 && lockout < kMaxLockout; --extra) lockout *= 2;
    return std::min(lockout, kMaxLockout);
}

std::chrono::steady_clock::duration PinGuard::lockoutRemaining() const {
    if (!m_lockedUntil) return std::chrono::steady_clock::duration::zero();
    return std::max(*m_lockedUntil - now(), std::chrono::steady_clock::duration::zero());
}

PinThrottle PinGuard::snapshot() const {
    return {m_wrongTries, std::chrono::ceil<std::chrono::seconds>(lockoutRemaining()).count()};
}

void PinGuard::restore(const PinThrottle& throttle) {
    m_wrongTries = std::max(0, throttle.wrongTries);
    m_lockedUntil.reset();
    const int64_t lockedFor = std::min<int64_t>(throttle.lockedForSeconds, kMaxLockout.count());
    if (lockedFor > 0) m_lockedUntil = now() + std::chrono::seconds(lockedFor);
}

PinCheck PinGuard::check(std::string_view pin, const std::optional<std::string>& hash) {
    if (lockedOut()) return PinCheck::LockedOut;
    if (hash && verifyPin(pin, *hash)) {
        m_wrongTries = 0;
        m_lockedUntil.reset();
        return PinCheck::Accepted;
    }
    ++m_wrongTries;
    const std::chrono::seconds lockout = lockoutAfter(m_wrongTries);
    if (lockout > std::chrono::seconds::zero()) m_lockedUntil = now() + lockout;
    return PinCheck::Rejected;
}

} // namespace alignkiosk::core
