#include "random_bytes.h"

#include "response_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace alignkiosk::core {

static void fillFromUrandom(unsigned char* out, std::size_t size) {
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw StoreError(std::string("cannot open /dev/urandom: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, out + done, size - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            const int error = errno;
            ::close(fd);
            throw StoreError(std::string("cannot read /dev/urandom: ") + std::strerror(error));
        }
    }
    ::close(fd);
}

// From the kernel's CSPRNG: no user-space state to repeat after fork() or to be seeded predictably.
void fillRandom(unsigned char* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::getrandom(out + done, size - done, 0);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == ENOSYS) {
            fillFromUrandom(out + done, size - done);
            return;
        } else {
            throw StoreError(std::string("cannot read random bytes: ") + std::strerror(errno));
        }
    }
}

std::string randomId() {
    std::array<unsigned char, 16> bytes{};
    fillRandom(bytes.data(), bytes.size());
    char hex[2 * 16 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes.data(), bytes.size()); // lowercase, as the schema's CHECK wants
    return hex;
}

uint64_t randomBelow(uint64_t bound) {
    // Rejection sampling: draws that fall in the incomplete last block of `bound` values are thrown away.
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    for (;;) {
        uint64_t value = 0;
        fillRandom(reinterpret_cast<unsigned char*>(&value), sizeof value);
        if (value < limit) return value % bound;
    }
}

} // namespace alignkiosk::core
