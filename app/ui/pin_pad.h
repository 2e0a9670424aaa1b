// The facilitator PIN pad: a touch-sized 3x4 keypad (digits, delete, OK) that shows a dot per entered digit, never the
// digits. Two modes: Set (choose a PIN, then enter it again) when no PIN hash is stored yet, Verify otherwise, with
// wrong tries throttled by a core::PinGuard and its lock-out counted down on screen. Keyboard digits, Backspace, Enter
// and Escape work too, for laptops.
//
// The pad reaches the stored hash only through PinStorage, so the UI does not depend on the store.
#pragma once

#include "core/facilitator_pin.h"
#include "ui/shell_text.h"
#include "ui/theme.h"

#include <imgui.h>

#include <array>
#include <functional>
#include <optional>
#include <string>

namespace alignkiosk::ui {

struct PinStorage {
    // The stored hash, or nothing when no PIN was chosen yet; throws (std::exception) when it cannot be read.
    std::function<std::optional<std::string>()> loadHash;
    // Stores a new hash; throws (std::exception) when it could not.
    std::function<void(const std::string&)> saveHash;
    // Optional: the wrong-try throttle kept across restarts (read once, written after every try; throw on failure).
    std::function<core::PinThrottle()> loadThrottle;
    std::function<void(const core::PinThrottle&)> saveThrottle;
};

enum class PinPadResult {
    Open,      // still asking
    Cancelled, // Cancel, Escape, or nobody touched it for kIdleSeconds
    Accepted,  // a PIN was chosen and saved (Set), or the right PIN was entered (Verify)
};

class PinPad {
public:
    enum class Stage { Choose, Confirm, Verify };

    // Keys that are not digits, for keyRect().
    static constexpr char kDeleteKey = '<';
    static constexpr char kOkKey = '>';
    static constexpr char kCancelKey = 'x';

    // Back to the welcome screen when nobody touches the pad for this long.
    static constexpr double kIdleSeconds = 60.0;

    PinPad(Theme theme, ShellText text, PinStorage storage);
    PinPad(const PinPad&) = delete; // the guard's clock points into the pad
    PinPad& operator=(const PinPad&) = delete;
    ~PinPad();

    // Starts afresh (no digits, no message), reading the stored hash to pick Set or Verify. Keeps the guard's count
    // of wrong tries, so closing and reopening the pad does not skip a lock-out. `now` as in draw().
    // `required`: the pad cannot be cancelled or left to time out (the kiosk's first start, when a PIN must be
    // chosen before anyone else can reach the Facilitator button).
    void open(double now, bool required = false);

    // Draws the pad into the current window (between ImGui::NewFrame and Render) and handles this frame's taps and
    // keys. `now` is in seconds, any epoch, the same clock every call.
    PinPadResult draw(double now);

    // Seconds until the pad changes by itself (the lock-out countdown ticking, the idle timeout), never negative.
    double nextWakeIn(double now) const;

    Stage stage() const { return m_stage; }
    std::size_t enteredDigits() const { return m_entry.size(); }
    // The line under the dots (mismatch, wrong PIN, lock-out countdown, storage trouble), or empty.
    std::string message() const;
    // The pad's words in another language (the digits and the wrong-try count stay).
    void setText(ShellText text) { m_text = std::move(text); }
    const core::PinGuard& guard() const { return m_guard; }
    // Where a key was drawn in the last frame (screen coordinates), for tests that tap it like a finger would.
    struct KeyRect {
        ImVec2 min;
        ImVec2 max;
        ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    };
    std::optional<KeyRect> keyRect(char key) const;

private:
    enum class Notice { None, Mismatch, Wrong, Unavailable };

    void pressDigit(char digit);
    void pressDelete();
    PinPadResult pressOk();
    PinPadResult handleKeyboard();
    bool keysEnabled() const;
    void restartChoice();
    void rememberKey(char key);

    Theme m_theme;
    ShellText m_text;
    PinStorage m_storage;
    core::PinGuard m_guard;
    Stage m_stage = Stage::Verify;
    std::optional<std::string> m_hash;
    std::string m_entry;
    std::string m_firstChoice; // the PIN entered in the Choose stage, until it is confirmed
    Notice m_notice = Notice::None;
    double m_now = 0.0;
    double m_lastTouch = 0.0;
    bool m_required = false;
    bool m_throttleRestored = false;
    // Indexed by key character; only the keys drawn in the last frame are set.
    std::array<std::optional<KeyRect>, 128> m_keyRects{};
};

} // namespace alignkiosk::ui
