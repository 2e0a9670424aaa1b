#include "pin_pad.h"

#include "ui/widgets.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <string_view>
#include <utility>

namespace alignkiosk::ui {

namespace {

// The pad's `now` (seconds, any epoch) on the guard's steady clock.
std::chrono::steady_clock::time_point toTimePoint(double seconds) {
    return std::chrono::steady_clock::time_point(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds)));
}

} // namespace

PinPad::PinPad(Theme theme, ShellText text, PinStorage storage)
    : m_theme(theme),
      m_text(std::move(text)),
      m_storage(std::move(storage)),
      m_guard([this] { return toTimePoint(m_now); }) {}

PinPad::~PinPad() {
    core::wipePin(m_entry);
    core::wipePin(m_firstChoice);
}

void PinPad::open(double now, bool required) {
    m_now = now;
    m_required = required;
    m_lastTouch = now;
    core::wipePin(m_entry);
    core::wipePin(m_firstChoice);
    m_notice = Notice::None;
    m_hash.reset();
    try {
        m_hash = m_storage.loadHash ? m_storage.loadHash() : std::nullopt;
    } catch (const std::exception&) {
        m_notice = Notice::Unavailable;
    }
    m_stage = m_hash ? Stage::Verify : Stage::Choose;
    // Once per pad: a restart must not hand a guesser fresh tries. In memory the guard is the truth after that.
    if (!m_throttleRestored && m_storage.loadThrottle) {
        try {
            m_guard.restore(m_storage.loadThrottle());
            m_throttleRestored = true;
        } catch (const std::exception&) {
            m_notice = Notice::Unavailable;
        }
    }
}

bool PinPad::keysEnabled() const {
    return m_notice != Notice::Unavailable && !(m_stage == Stage::Verify && m_guard.lockedOut());
}

std::string PinPad::message() const {
    if (m_stage == Stage::Verify && m_guard.lockedOut()) {
        const double left = std::chrono::duration<double>(m_guard.lockoutRemaining()).count();
        return m_text.format(m_text.pinLockedOut, {{"seconds", static_cast<int64_t>(std::ceil(left))}});
    }
    switch (m_notice) {
    case Notice::None: return {};
    case Notice::Mismatch: return m_text.pinMismatch;
    case Notice::Wrong: return m_text.pinWrong;
    case Notice::Unavailable: return m_text.pinUnavailable;
    }
    return {};
}

double PinPad::nextWakeIn(double now) const {
    // A required pad never times out: without a countdown it has nothing to wake for (an hour stands for "never").
    double wake = m_required ? 3600.0 : std::max(0.0, m_lastTouch + kIdleSeconds - now);
    if (m_stage == Stage::Verify && m_guard.lockedOut()) {
        // The countdown shows whole seconds: wake when the next one begins (or the lock-out ends).
        const double left = std::chrono::duration<double>(m_guard.lockoutRemaining()).count();
        double tick = std::fmod(left, 1.0);
        if (tick < 1e-3) tick = std::min(left, 1.0);
        wake = std::min(wake, tick);
    }
    return wake;
}

std::optional<PinPad::KeyRect> PinPad::keyRect(char key) const {
    const auto index = static_cast<unsigned char>(key);
    return index < m_keyRects.size() ? m_keyRects[index] : std::nullopt;
}

void PinPad::rememberKey(char key) {
    m_keyRects[static_cast<unsigned char>(key)] = KeyRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

// [SECTION] Input

void PinPad::pressDigit(char digit) {
    if (!keysEnabled() || m_entry.size() >= core::kMaxPinDigits) return;
    // A new attempt starts: the last one's notice has been read.
    if (m_entry.empty() && m_notice != Notice::Unavailable) m_notice = Notice::None;
    m_entry.push_back(digit);
}

void PinPad::pressDelete() {
    if (!m_entry.empty()) m_entry.pop_back();
}

void PinPad::restartChoice() {
    core::wipePin(m_entry);
    core::wipePin(m_firstChoice);
    m_stage = Stage::Choose;
}

PinPadResult PinPad::pressOk() {
    if (!keysEnabled() || !core::isValidPin(m_entry)) return PinPadResult::Open;
    switch (m_stage) {
    case Stage::Choose:
        m_firstChoice.assign(m_entry); // a copy, so wiping the entry really overwrites its digits
        core::wipePin(m_entry);
        m_stage = Stage::Confirm;
        m_notice = Notice::None;
        return PinPadResult::Open;
    case Stage::Confirm: {
        if (m_entry != m_firstChoice) {
            restartChoice();
            m_notice = Notice::Mismatch;
            return PinPadResult::Open;
        }
        try {
            std::string hash = core::hashPin(m_entry);
            m_storage.saveHash(hash);
            m_hash = std::move(hash);
        } catch (const std::exception&) {
            restartChoice();
            m_notice = Notice::Unavailable;
            return PinPadResult::Open;
        }
        restartChoice();
        m_stage = Stage::Verify;
        return PinPadResult::Accepted;
    }
    case Stage::Verify: {
        const core::PinCheck check = m_guard.check(m_entry, m_hash);
        core::wipePin(m_entry);
        if (check != core::PinCheck::LockedOut && m_storage.saveThrottle) {
            try {
                m_storage.saveThrottle(m_guard.snapshot());
            } catch (const std::exception&) {
                // The in-memory throttle still holds for this run; the pad goes on.
            }
        }
        if (check == core::PinCheck::Accepted) {
            m_notice = Notice::None;
            return PinPadResult::Accepted;
        }
        m_notice = Notice::Wrong;
        return PinPadResult::Open;
    }
    }
    return PinPadResult::Open;
}

PinPadResult PinPad::handleKeyboard() {
    const ImGuiIO& io = ImGui::GetIO();
    PinPadResult result = PinPadResult::Open;
    bool touched = false;
    // Characters, not key codes: the digit row and the number pad (with Num Lock) both arrive as '0'..'9'.
    for (const ImWchar c : io.InputQueueCharacters) {
        if (c >= '0' && c <= '9') {
            pressDigit(static_cast<char>(c));
            touched = true;
        }
    }
    const auto pressed = [](ImGuiKey key) {
        const int index = ImGui::GetKeyIndex(key);
        return index >= 0 && ImGui::IsKeyPressed(index, false);
    };
    if (pressed(ImGuiKey_Backspace)) {
        pressDelete();
        touched = true;
    }
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) {
        result = pressOk();
        touched = true;
    }
    if (pressed(ImGuiKey_Escape) && !m_required) result = PinPadResult::Cancelled;
    if (touched) m_lastTouch = m_now;
    return result;
}

// [SECTION] Drawing

PinPadResult PinPad::draw(double now) {
    m_now = now;
    m_keyRects.fill(std::nullopt);
    PinPadResult result = handleKeyboard();
    const float scale = m_theme.scale;
    const ImGuiStyle& style = ImGui::GetStyle();

    ImGui::PushID("pin_pad");
    ImGui::Dummy(ImVec2(0.0f, 24.0f * scale));
    const std::string& prompt = m_stage == Stage::Choose    ? m_text.pinChoose
                                : m_stage == Stage::Confirm ? m_text.pinConfirm
                                                            : m_text.pinEnter;
    centeredText(prompt, m_theme.heading);
    // The help line keeps its place in every stage, so the keys never move under a finger.
    centeredText(m_stage == Stage::Verify ? std::string_view(" ") : std::string_view(m_text.pinChooseHelp), nullptr,
                 m_theme.muted);

    // One dot per entered digit (never the digits), and empty rings up to the shortest PIN.
    {
        const std::size_t slots = std::max(m_entry.size(), core::kMinPinDigits);
        const float radius = 10.0f * scale;
        const float step = 36.0f * scale;
        const float rowHeight = 40.0f * scale;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const float firstX = start.x + (width - step * static_cast<float>(slots - 1)) * 0.5f;
        ImDrawList* drawList = ImGui::GetWindowDrawList();
        for (std::size_t i = 0; i < slots; ++i) {
            const ImVec2 centre(firstX + step * static_cast<float>(i), start.y + rowHeight * 0.5f);
            if (i < m_entry.size())
                drawList->AddCircleFilled(centre, radius, m_theme.accent);
            else
                drawList->AddCircle(centre, radius, m_theme.muted, 0, 2.0f * scale);
        }
        ImGui::Dummy(ImVec2(width, rowHeight));
    }
    centeredText(message().empty() ? std::string(" ") : message(), nullptr, m_theme.error);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * scale));

    // 1 2 3 / 4 5 6 / 7 8 9 / delete 0 OK, every key at least a touch target in both directions.
    const float keyWidth = std::max(m_theme.minTouchTarget, 150.0f * scale);
    const float keyHeight = std::max(m_theme.minTouchTarget, 96.0f * scale);
    const float gridWidth = 3.0f * keyWidth + 2.0f * style.ItemSpacing.x;
    const float left = ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - gridWidth) * 0.5f);
    const bool enabled = keysEnabled();
    const bool canType = enabled && m_entry.size() < core::kMaxPinDigits;
    constexpr char kLayout[4][3] = {{'1', '2', '3'}, {'4', '5', '6'}, {'7', '8', '9'}, {kDeleteKey, '0', kOkKey}};
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    for (const auto& row : kLayout) {
        ImGui::SetCursorPosX(left);
        for (std::size_t column = 0; column < 3; ++column) {
            if (column > 0) ImGui::SameLine();
            const char key = row[column];
            const ImVec2 size(keyWidth, keyHeight);
            bool pressed = false;
            if (key == kDeleteKey) {
                pressed = touchButton(m_theme, "##delete", size, ButtonStyle::Secondary, !m_entry.empty());
                const ImU32 color = ImGui::GetColorU32(ImGuiCol_Text, m_entry.empty() ? 0.4f : 1.0f);
                const ImVec2 min = ImGui::GetItemRectMin();
                const ImVec2 max = ImGui::GetItemRectMax();
                drawBackspaceIcon(ImGui::GetWindowDrawList(), ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f),
                                  26.0f * scale, 16.0f * scale, color, std::max(2.0f, 3.0f * scale));
                if (pressed) pressDelete();
            } else if (key == kOkKey) {
                pressed = touchButton(m_theme, m_text.ok.c_str(), size, ButtonStyle::Primary,
                                      enabled && core::isValidPin(m_entry));
                if (pressed) result = pressOk();
            } else {
                const char label[2] = {key, '\0'};
                pressed = touchButton(m_theme, label, size, ButtonStyle::Secondary, canType);
                if (pressed) pressDigit(key);
            }
            rememberKey(key);
            if (pressed) m_lastTouch = m_now;
        }
    }
    if (m_theme.heading) ImGui::PopFont();

    ImGui::Dummy(ImVec2(0.0f, 4.0f * scale));
    ImGui::SetCursorPosX(left);
    bool cancel = false;
    if (!m_required) {
        ImGui::PushStyleColor(ImGuiCol_Text, m_theme.muted);
        cancel = touchButton(m_theme, m_text.cancel.c_str(), ImVec2(gridWidth, m_theme.minTouchTarget),
                             ButtonStyle::Secondary);
        ImGui::PopStyleColor();
        rememberKey(kCancelKey);
    }
    ImGui::PopID();

    if (cancel) result = PinPadResult::Cancelled;
    if (result == PinPadResult::Open && !m_required && now - m_lastTouch >= kIdleSeconds)
        result = PinPadResult::Cancelled;
    if (result != PinPadResult::Open) {
        // Leaving: nothing typed stays behind.
        core::wipePin(m_entry);
        core::wipePin(m_firstChoice);
    }
    return result;
}

} // namespace alignkiosk::ui
