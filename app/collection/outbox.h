// The laptop's durable outbox: sealed submissions kept until the collector acknowledges them, in a small SQLite file
// of its own (not the response store: a laptop in a collection keeps no answers it could read).
//
// It holds only what the collector will read: the submission's random id and its sealed bytes, which only the
// collector's key opens. No time, no order (the key is the random id, WITHOUT ROWID), no attempt counts (the retry
// schedule lives in memory: retry_schedule.h). add() returns once the entry is on disk (synchronous=FULL); remove()
// leaves no byte of it in the file (secure_delete) or in the rollback journal (TRUNCATE, emptied at commit).
//
// A file that is not an outbox, or is damaged, or from a newer program, is refused with its path and the reason, and
// left byte for byte as it was. Every failure is a core::StoreError whose message starts "outbox '<path>': ".
//
// Threads: any thread may call an Outbox; calls run one at a time. One process at a time should own an outbox file.
#pragma once

#include "collection/submission_id.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

namespace alignkiosk::collection {

struct OutboxEntry {
    SubmissionId id;
    std::vector<unsigned char> sealed;
};

struct OutboxOptions {
    // Create a missing parent folder (for the default data location; a mistyped path must not grow folders).
    bool createParentDirectories = false;
    std::chrono::milliseconds busyTimeout{5000};
};

class Outbox {
public:
    static Outbox open(const std::filesystem::path& path, OutboxOptions options = {});

    Outbox(Outbox&&) noexcept;
    Outbox& operator=(Outbox&&) noexcept;
    ~Outbox();

    // Keeps a sealed submission; durable when this returns. Adding the same id with the same bytes again changes
    // nothing; the same id with other bytes is refused (a fresh submission always gets a fresh id).
    void add(const SubmissionId& id, const std::vector<unsigned char>& sealed);
    // Everything not yet acknowledged, by id (a random order, never the order they were added in).
    std::vector<OutboxEntry> pending() const;
    // Removes an acknowledged submission for good; false when it was not there (acknowledged twice).
    bool remove(const SubmissionId& id);
    std::size_t size() const;
    const std::filesystem::path& path() const;

private:
    struct Impl;
    explicit Outbox(std::unique_ptr<Impl> impl);
    Impl& impl() const;
    std::unique_ptr<Impl> m_impl;
};

} // namespace alignkiosk::collection
