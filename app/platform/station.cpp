#include "station.h"

#include "station_supervisor.h"

#include <algorithm>
#include <utility>

namespace alignkiosk::platform {

Station::Station(ParticipantScreen& participants, FacilitatorFactory facilitator, Window& window, Options options)
    : m_participants(participants), m_makeFacilitator(std::move(facilitator)), m_window(window), m_options(options) {}

void Station::openFacilitatorView() {
    m_inFacilitatorView = true;
    m_lastFacilitatorTouch = -1.0;
}

void Station::closeFacilitatorView() {
    m_inFacilitatorView = false;
    if (m_facilitator) m_facilitator->leave();
}

void Station::moduleAllowed() {
    if (!m_options.supervised) return;
    m_restartRequested = true;
    m_window.close();
}

int Station::exitStatus(int loopStatus) const { return m_restartRequested ? kRestartStationExitCode : loopStatus; }

void Station::draw(double now) {
    if (m_inFacilitatorView && !m_facilitator) {
        if (m_makeFacilitator) m_facilitator = m_makeFacilitator([this] { closeFacilitatorView(); });
        if (!m_facilitator) m_inFacilitatorView = false;
    }
    if (showingFacilitator()) {
        if (m_lastFacilitatorTouch < 0.0 || m_window.eventCount() != m_eventsSeen) m_lastFacilitatorTouch = now;
        m_eventsSeen = m_window.eventCount();
        m_facilitator->refresh(now);
        m_facilitator->draw(now);
    } else {
        m_participants.draw(now);
    }
}

bool Station::update(double now) {
    if (showingFacilitator() && m_options.kiosk && m_lastFacilitatorTouch >= 0.0 &&
        now - m_lastFacilitatorTouch >= kFacilitatorIdleTimes * m_options.idleTimeoutSeconds) {
        closeFacilitatorView();
        return true;
    }
    if (showingFacilitator()) return m_facilitator->refresh(now);
    return m_participants.nextWakeIn(now) >= 0.0; // a timer of the shell's (animation, thank-you, countdowns) runs
}

unsigned Station::backgroundColor() const {
    return showingFacilitator() ? m_facilitator->backgroundColor() : m_participants.backgroundColor();
}

double Station::nextWakeIn(double now) const {
    if (!showingFacilitator()) return m_participants.nextWakeIn(now);
    const double dashboard = m_facilitator->nextWakeIn(now);
    if (!m_options.kiosk || m_lastFacilitatorTouch < 0.0) return dashboard;
    // A dashboard that waits for news (no timer of its own) must still wake when the forgotten-dashboard time is up.
    const double idle = std::max(0.0, m_lastFacilitatorTouch + kFacilitatorIdleTimes * m_options.idleTimeoutSeconds - now);
    return dashboard < 0.0 ? idle : std::min(dashboard, idle);
}

void Station::beforeNewFrame(ImGuiIO& io) {
    if (m_inFacilitatorView) m_window.prepareFacilitatorView();
    else m_participants.filterInput(io); // the on-screen keyboard's taps
}

void Station::afterRender() {
    if (m_facilitator) m_facilitator->afterRender();
}

FrameCallbacks Station::callbacks() {
    FrameCallbacks callbacks;
    callbacks.draw = [this](double now) { draw(now); };
    callbacks.update = [this](double now) { return update(now); };
    callbacks.background = [this] { return backgroundColor(); };
    callbacks.nextWakeIn = [this](double now) { return nextWakeIn(now); };
    callbacks.changedArea = [this] {
        return m_inFacilitatorView ? std::optional<ui::ScreenRect>() : m_participants.changedArea();
    };
    callbacks.beforeNewFrame = [this](ImGuiIO& io) { beforeNewFrame(io); };
    callbacks.afterRender = [this] { afterRender(); };
    return callbacks;
}

} // namespace alignkiosk::platform
