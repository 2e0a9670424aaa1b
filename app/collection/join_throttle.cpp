#include "join_throttle.h"

#include <algorithm>
#include <limits>

namespace alignkiosk::collection {

using std::chrono::milliseconds;

JoinThrottle::JoinThrottle(JoinThrottlePolicy policy, Clock clock) : m_policy(policy), m_clock(std::move(clock)) {}

milliseconds JoinThrottle::waitBeforeTry() const {
    const auto now = m_clock();
    const std::lock_guard lock(m_mutex);
    if (now >= m_waitUntil) return milliseconds(0);
    // Rounded up, so a caller that waits exactly this long is let in.
    return std::chrono::ceil<milliseconds>(m_waitUntil - now);
}

milliseconds JoinThrottle::recordWrongCode() {
    const auto now = m_clock();
    const std::lock_guard lock(m_mutex);
    if (m_lastWrong && now - *m_lastWrong >= m_policy.forgetAfter) m_wrongCodes = 0;
    m_lastWrong = now;
    if (m_wrongCodes < std::numeric_limits<unsigned>::max()) ++m_wrongCodes;
    if (m_wrongCodes <= m_policy.freeWrongCodes) return milliseconds(0);
    // firstWait * 2^(doublings), computed without overflowing: stop doubling once the cap is reached.
    milliseconds wait = m_policy.firstWait;
    for (unsigned doublings = m_wrongCodes - m_policy.freeWrongCodes - 1; doublings > 0 && wait < m_policy.maxWait;
         --doublings)
        wait *= 2;
    wait = std::min(wait, m_policy.maxWait);
    m_waitUntil = std::max(m_waitUntil, now + wait);
    return wait;
}

unsigned JoinThrottle::wrongCodes() const {
    const std::lock_guard lock(m_mutex);
    return m_wrongCodes;
}

} // namespace alignkiosk::collection
