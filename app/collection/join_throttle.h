// Slows down guessing of the join code. The collector records no addresses (nothing that tells laptops apart, even in
// memory), so the throttle is global: after a few wrong codes, every join waits, with the wait doubling for each
// further wrong code up to a cap. While a wait runs, no code is compared at all, the right one included; otherwise a
// guesser would simply keep guessing. Laptops retry on their own, so a participant sees a short delay at worst.
//
// A right code does not reset the count: each success would hand a guesser new free tries. Wrong codes are forgotten
// after `forgetAfter` without one.
//
// With the defaults a guesser gets about one try a minute: the 2^30 codes take on the order of a thousand years.
//
// Threads: any thread may call a JoinThrottle.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

namespace alignkiosk::collection {

struct JoinThrottlePolicy {
    unsigned freeWrongCodes = 5;                            // wrong codes before the first wait
    std::chrono::milliseconds firstWait{1000};              // after wrong code freeWrongCodes + 1
    std::chrono::milliseconds maxWait{60000};               // the doubling stops here
    std::chrono::milliseconds forgetAfter{10 * 60 * 1000};  // a quiet time after which the count starts again
};

class JoinThrottle {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    explicit JoinThrottle(JoinThrottlePolicy policy = {}, Clock clock = &std::chrono::steady_clock::now);

    // Zero: the caller may compare the code now. Otherwise every join is answered "wait this long", and no code is
    // compared.
    std::chrono::milliseconds waitBeforeTry() const;
    // A wrong code was given; returns the wait it starts (zero while wrong codes are still free).
    std::chrono::milliseconds recordWrongCode();
    // Wrong codes counted now (for the collector's counters).
    unsigned wrongCodes() const;

private:
    JoinThrottlePolicy m_policy;
    Clock m_clock;
    mutable std::mutex m_mutex;
    unsigned m_wrongCodes = 0;
    std::optional<std::chrono::steady_clock::time_point> m_lastWrong;
    std::chrono::steady_clock::time_point m_waitUntil{};
};

} // namespace alignkiosk::collection
