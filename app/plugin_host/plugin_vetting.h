// Loading a plugin once where it cannot hurt: in a short-lived forked child that dlopens it, runs its init, reads its
// modules, reports back through a pipe and exits. A plugin that crashes (SIGBUS inside dlopen, abort() in init), hangs
// or exits while loading takes only that child with it, and is refused with what happened and where; the kiosk loads
// a plugin itself only after it came through this.
//
// Threads: fork() copies only the calling thread, so call this before the process starts threads of its own (the
// kiosk loads its plugins before it opens a window; Mesa's threads come with the window).
#pragma once

#include "plugin_host/loaded_plugin.h"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace alignkiosk::plugin_host {

struct VettingResult {
    bool accepted = false;
    std::string reason;                     // why it is refused, when it is
    std::vector<ModuleDescription> modules; // what it offers, when accepted
};

struct VettingOptions {
    // How long dlopen, init and reading the modules may take together before the child is killed.
    std::chrono::milliseconds timeLimit{5000};
    // Handed to the plugin's init as the host would hand it (the child has a copy of the parent's memory).
    void* imguiContext = nullptr;
};

// Never throws for anything the plugin does. Reasons: LoadedPlugin's own refusals (init failed, ABI mismatch, ...),
// "crashed while loading: SIGABRT in its init function", "did not finish loading within 5 s (stuck in its init
// function)", "ended the process while loading (exit status 3) in its init function", "could not be vetted: ..."
// when no child process could be made.
VettingResult vetPlugin(const std::filesystem::path& file, const VettingOptions& options = {});

// "5 s", "0.5 s", "1.25 s": a time limit as a person reads it.
std::string formatSeconds(std::chrono::milliseconds duration);

} // namespace alignkiosk::plugin_host
