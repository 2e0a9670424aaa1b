#include "store_path_checks.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace alignkiosk::core {

namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

uint32_t bigEndian32(const unsigned char* bytes) {
    return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) | uint32_t{bytes[3]};
}

std::string writeRefusal(int error, const std::string& what) {
    if (error == EROFS) return what + " is on a read-only file system";
    if (error == EACCES || error == EPERM) return "read-only " + what + " (no permission to write)";
    return "cannot write " + what + ": " + std::strerror(error);
}

// Whether this process may write `path` (the file or folder itself), judged the way the kernel will judge it:
// faccessat with AT_EACCESS uses the effective ids, and reports EROFS for a read-only mount even to root.
std::optional<int> writeError(const fs::path& path) {
    if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) == 0) return std::nullopt;
    return errno;
}

// Reads the first 100 bytes without changing anything (no atime update either: O_NOATIME where we may).
std::optional<std::string> readHeader(const fs::path& path, std::array<unsigned char, 100>& header,
                                      std::size_t& size) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
    if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::string("cannot read the file: ") + std::strerror(errno);
    size = 0;
    while (size < header.size()) {
        const ssize_t n = ::read(fd, header.data() + size, header.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return std::string("cannot read the file: ") + std::strerror(error);
        }
        if (n == 0) break;
        size += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return std::nullopt;
}

bool nonEmptyFile(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && fs::file_size(path, ec) > 0 && !ec;
}

} // namespace

std::optional<std::string> checkStorePath(const fs::path& path, bool createParents, uint32_t applicationId,
                                          StorePathCheck& check, std::string_view kind) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::is_directory(status)) return "is a folder, not a database file";

    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::exists(status)) {
        check.state = StorePathState::Missing;
        if (!fs::exists(folder, ec)) {
            if (createParents) return std::nullopt;
            return "the folder " + quoted(folder) + " does not exist (create it first, or check the path)";
        }
        if (!fs::is_directory(folder, ec)) return quoted(folder) + " is not a folder";
        if (auto error = writeError(folder)) return writeRefusal(*error, "folder " + quoted(folder));
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) return "is not a regular file";
    if (auto error = writeError(path)) return writeRefusal(*error, "file");
    // SQLite creates its journal beside the file, so the folder must take new files too.
    if (auto error = writeError(folder)) return writeRefusal(*error, "folder " + quoted(folder));

    std::array<unsigned char, 100> header{};
    std::size_t size = 0;
    if (auto problem = readHeader(path, header, size)) return problem;
    if (size == 0) {
        check.state = StorePathState::Empty;
        return std::nullopt;
    }
    static constexpr char kMagic[] = "SQLite format 3"; // 16 bytes with its NUL
    if (size < header.size() || std::memcmp(header.data(), kMagic, sizeof kMagic) != 0)
        return "the file is not an SQLite database or is damaged; it was left untouched";
    // SQLite reads a file cut off inside a page as if the page were whole, and rolling a transaction back on it
    // rewrites the tail: such a file is damaged, and refused before anything is written.
    const uint32_t pageSize = header[16] == 0 && header[17] == 1 ? 65536u : (uint32_t{header[16]} << 8) | header[17];
    std::error_code sizeError;
    const auto fileSize = fs::file_size(path, sizeError);
    if (!sizeError && (pageSize < 512 || fileSize % pageSize != 0))
        return "the file is damaged (" + std::to_string(fileSize) + " bytes is not a whole number of " +
               std::to_string(pageSize) + "-byte pages); it was left untouched";
    check.state = StorePathState::Sqlite;
    check.header.schemaCookie = bigEndian32(&header[40]);
    check.header.userVersion = bigEndian32(&header[60]);
    check.header.applicationId = bigEndian32(&header[68]);
    const bool unused = check.header.schemaCookie == 0 && check.header.applicationId == 0;
    if (check.header.applicationId != applicationId && !unused) {
        std::string detail = "application_id " + std::to_string(check.header.applicationId);
        if (nonEmptyFile(path.string() + "-journal") || fs::exists(path.string() + "-wal", ec))
            detail += ", with an unfinished journal beside it";
        return "the file is an SQLite database but not " + std::string(kind) + " (" + detail +
               "); it was left untouched";
    }
    return std::nullopt;
}

std::optional<std::string> checkFreeSpace(const fs::path& folder, uint64_t neededBytes) {
    struct statvfs stats {};
    const fs::path target = folder.empty() ? fs::path(".") : folder;
    if (::statvfs(target.c_str(), &stats) != 0) return std::nullopt; // nothing to judge by; SQLite will say
    const uint64_t available = static_cast<uint64_t>(stats.f_bavail) * stats.f_frsize;
    if (available >= neededBytes) return std::nullopt;
    return "disk full: " + std::to_string(available / 1024) + " KiB free on the device holding " + quoted(target) +
           ", at least " + std::to_string(neededBytes / 1024) + " KiB needed";
}

} // namespace alignkiosk::core
