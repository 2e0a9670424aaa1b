// The station's frame logic, apart from the window and the screens it shows: which screen is up (the participants'
// shell or the facilitator's dashboard), the facilitator's view built the first time it is opened, its idle timeout
// that sends a dashboard forgotten on the touchscreen back to the participants' screen, and a restart the facilitator
// asked for. `alignkiosk run` builds one over the real shell, dashboard and window (run_command.cpp); a test drives it
// with fakes and a `now` of its own. Everything runs on the UI thread.
#pragma once

#include "event_loop.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

struct ImGuiIO;

namespace alignkiosk::platform {

class Station {
public:
    // The participants' screen (ui::Shell).
    class ParticipantScreen {
    public:
        virtual ~ParticipantScreen() = default;
        virtual void draw(double now) = 0;
        // Seconds until a timer of the screen's changes it (animation, countdowns), or negative for none.
        virtual double nextWakeIn(double now) const = 0;
        virtual unsigned backgroundColor() const = 0;
        // Sees the frame's input before the widgets do (the on-screen keyboard).
        virtual void filterInput(ImGuiIO& io) = 0;
        // Where the last frame differs from the one before, when only a part changed (the attract animation).
        virtual std::optional<ui::ScreenRect> changedArea() const { return std::nullopt; }
    };

    // The facilitator's screen (ui::Dashboard fed by a DashboardSession).
    class FacilitatorScreen {
    public:
        virtual ~FacilitatorScreen() = default;
        // Reads new answers when a poll is due; true when the screen changed.
        virtual bool refresh(double now) = 0;
        virtual void draw(double now) = 0;
        virtual double nextWakeIn(double now) const = 0;
        virtual unsigned backgroundColor() const = 0;
        // After every rendered frame while it exists, shown or not (a pending export, leaving full screen).
        virtual void afterRender() = 0;
        // The participants' screen comes back: the window the participants know (no projection).
        virtual void leave() = 0;
    };

    // What the station does with its window.
    class Window {
    public:
        virtual ~Window() = default;
        // Grows with every input event; a change means someone touched the screen.
        virtual uint64_t eventCount() const = 0;
        // Ends the event loop.
        virtual void close() = 0;
        // Before every frame of the facilitator's view, outside any ImGui frame: what only that view needs is made
        // the first time (the projection fonts), so the participants' screens neither wait for it nor hold it.
        virtual void prepareFacilitatorView() {}
    };

    // Builds the facilitator's screen the first time it is opened; nullptr when it cannot be built (the station then
    // stays on the participants' screen). `onClose` is for the screen's own Close button. Owned by the station.
    using FacilitatorFactory = std::function<std::unique_ptr<FacilitatorScreen>(std::function<void()> onClose)>;

    struct Options {
        bool kiosk = false;             // the touchscreen station (--kiosk): a forgotten dashboard goes back
        bool supervised = false;        // under the supervisor, which starts the station again when asked
        double idleTimeoutSeconds = 0;  // the survey's idle timeout (kiosk settings)
    };

    // A dashboard left open on the station goes back after ten idle times without a touch: long enough to discuss a
    // chart, short enough that the next participant finds the survey. A laptop's dashboard stays until it is closed.
    static constexpr double kFacilitatorIdleTimes = 10.0;

    // `participants` and `window` must outlive the station.
    Station(ParticipantScreen& participants, FacilitatorFactory facilitator, Window& window, Options options);

    // The facilitator menu's dashboard (behind the PIN): shown from the next frame, built then if it is the first time.
    void openFacilitatorView();
    // Back to the participants' screen (the dashboard's Close, or its idle timeout).
    void closeFacilitatorView();
    bool inFacilitatorView() const { return m_inFacilitatorView; }
    bool facilitatorViewBuilt() const { return m_facilitator != nullptr; }

    // The facilitator allowed a stopped module again. A module is loaded only at start, so under the supervisor the
    // station closes its window and asks to be started again; otherwise the module comes back at the next start.
    void moduleAllowed();
    bool restartRequested() const { return m_restartRequested; }
    // The station's exit status once the event loop returned `loopStatus`.
    int exitStatus(int loopStatus) const;

    // The event loop's callbacks (see FrameCallbacks).
    void draw(double now);
    bool update(double now);
    unsigned backgroundColor() const;
    double nextWakeIn(double now) const;
    void beforeNewFrame(ImGuiIO& io);
    void afterRender();
    // All of the above, bound to this station (which must outlive them). afterPresent is the caller's.
    FrameCallbacks callbacks();

private:
    bool showingFacilitator() const { return m_inFacilitatorView && m_facilitator; }

    ParticipantScreen& m_participants;
    FacilitatorFactory m_makeFacilitator;
    Window& m_window;
    Options m_options;
    std::unique_ptr<FacilitatorScreen> m_facilitator; // built on first use, then kept
    bool m_inFacilitatorView = false;
    double m_lastFacilitatorTouch = -1.0; // negative: the dashboard has just been opened
    uint64_t m_eventsSeen = 0;
    bool m_restartRequested = false;
};

} // namespace alignkiosk::platform
